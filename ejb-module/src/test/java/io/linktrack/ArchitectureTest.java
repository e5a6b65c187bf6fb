package io.linktrack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, kept by the build: the feature order and table owners
 * of its section "Features and their tables", boundary → control → entity inside a feature, and no
 * web API in the ejb-module. Each failure says what to change; the docs table is the source of
 * truth, so a new feature or table starts with a row there.
 */
class ArchitectureTest {

  private static final String ROOT = "io.linktrack";
  private static final String TABLE_SECTION =
      "docs/architecture.md, '" + FeatureTable.HEADING.substring(3) + "'";
  private static final List<String> LAYERS = List.of("entity", "control", "boundary");

  private static FeatureTable table;
  private static JavaClasses classes;

  @BeforeAll
  static void readTheDocsAndTheCode() {
    table = FeatureTable.read(FeatureTable.DOCS);
    classes =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(ROOT);
  }

  @Test
  void featuresDependOnEachOtherInOneDirectionOnly() {
    slices()
        .matching(ROOT + ".(*)..")
        .namingSlices("feature $1")
        .should()
        .beFreeOfCycles()
        .because(
            "features use each other in one direction only ("
                + TABLE_SECTION
                + "): move the type both need down to the lower feature or to platform, or hand"
                + " plain values (ids, instants) instead of the other feature's objects")
        .check(classes);
  }

  @Test
  void everyFeaturePackageHasARowInTheTable() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .should(belongToAFeatureWithARow())
        .because(
            "the feature order and the table owners are decided in "
                + TABLE_SECTION
                + ": a new feature package gets a row there (tables it owns, features it may use)"
                + ", or its classes move into the feature they belong to")
        .check(classes);
  }

  @Test
  void featuresUseOnlyTheFeaturesTheirRowAllows() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .should(useOnlyFeaturesTheirRowAllows())
        .because(
            "a feature may use only the features its row in "
                + TABLE_SECTION
                + " lists, all of them above it: move the code to the feature that may use both,"
                + " or let the lower feature be called with plain values")
        .check(classes);
  }

  @Test
  void otherFeaturesAreUsedThroughTheirBoundaryAndEntitiesOnly() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .should(useOtherFeaturesOnlyThroughBoundaryAndEntity())
        .because(
            "another feature's control is its own business: what a feature needs from it becomes,"
                + " or is reached through, a boundary class of its owner (platform is open to all)")
        .check(classes);
  }

  @Test
  void insideAFeatureBoundaryUsesControlUsesEntity() {
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .should(respectTheLayersOfTheirFeature())
        .because(
            "inside a feature, boundary → control → entity: an entity depends on neither control"
                + " nor boundary, a control never on a boundary; move the shared piece down a layer"
                + " or pass it in")
        .check(classes);
  }

  @Test
  void onlyATablesOwnerNamesIt() {
    Map<String, String> tableOfEntity = tablesOfEntities(classes);
    classes()
        .that()
        .resideInAPackage(ROOT + "..")
        .should(nameOnlyTheTablesTheirFeatureOwns(tableOfEntity))
        .because(
            "each LT_ table has one owner ("
                + TABLE_SECTION
                + "): another feature asks the owner's boundary, or reads through a query object"
                + " the owner publishes in its boundary package, written with the owner's SQL")
        .check(classes);
  }

  @Test
  void theEjbModuleKnowsNoServletsAndNoJaxRs() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.servlet..", "jakarta.ws.rs..")
        .because(
            "HTTP is the web modules' business: the ejb-module takes and returns plain values and"
                + " domain exceptions (a header function like Hit.of, not a request; a NotFound,"
                + " not a WebApplicationException)")
        .check(classes);
  }

  // --- the conditions ---

  private static ArchCondition<JavaClass> belongToAFeatureWithARow() {
    return new ArchCondition<>("belong to a feature package with a row in " + TABLE_SECTION) {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> feature = featureOf(item);
        if (feature.isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  item,
                  item.getName()
                      + " is in no feature package: move it into io.linktrack.<feature>"
                      + " (shared types go to platform)"));
        } else if (table.feature(feature.get()).isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  item,
                  item.getName()
                      + " is in io.linktrack."
                      + feature.get()
                      + ", which has no row in "
                      + TABLE_SECTION
                      + ": add the row, or move the class into an existing feature"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> useOnlyFeaturesTheirRowAllows() {
    return new ArchCondition<>("use only the features their row allows") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<FeatureTable.Feature> own = featureOf(item).flatMap(table::feature);
        if (own.isEmpty()) {
          return; // everyFeaturePackageHasARowInTheTable reports it
        }
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          Optional<String> used = featureOf(dependency.getTargetClass());
          if (used.isEmpty()
              || used.get().equals(own.get().name())
              || own.get().mayUse().contains(used.get())) {
            continue;
          }
          events.add(
              SimpleConditionEvent.violated(
                  dependency,
                  own.get().name()
                      + " -> "
                      + used.get()
                      + " is not allowed (may use: "
                      + describe(own.get().mayUse())
                      + "): "
                      + dependency.getDescription()));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughBoundaryAndEntity() {
    return new ArchCondition<>("use other features only through their boundary and entity") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> own = featureOf(item);
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          Optional<String> used = featureOf(target);
          if (used.isEmpty() || used.equals(own) || used.get().equals("platform")) {
            continue;
          }
          Optional<String> layer = layerOf(target);
          if (layer.equals(Optional.of("boundary")) || layer.equals(Optional.of("entity"))) {
            continue;
          }
          events.add(
              SimpleConditionEvent.violated(
                  dependency,
                  target.getName()
                      + " is in the "
                      + layer.orElse("top package")
                      + " of "
                      + used.get()
                      + ", not in its boundary or entity: reach it through a boundary of "
                      + used.get()
                      + ": "
                      + dependency.getDescription()));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> respectTheLayersOfTheirFeature() {
    return new ArchCondition<>("depend only on their own layer and the layers below it") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> feature = featureOf(item);
        int layer = layerOf(item).map(LAYERS::indexOf).orElse(-1);
        if (feature.isEmpty() || layer < 0) {
          return;
        }
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (!featureOf(target).equals(feature)) {
            continue;
          }
          int targetLayer = layerOf(target).map(LAYERS::indexOf).orElse(-1);
          if (targetLayer > layer) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    feature.get()
                        + "."
                        + LAYERS.get(layer)
                        + " -> "
                        + feature.get()
                        + "."
                        + LAYERS.get(targetLayer)
                        + " goes up a layer: "
                        + dependency.getDescription()));
          }
        }
      }
    };
  }

  /**
   * A class names a table when an LT_ name of it (or of one of its sequences, indexes or
   * constraints) is among the class's strings, or when its JPQL names the table's entity.
   */
  private static ArchCondition<JavaClass> nameOnlyTheTablesTheirFeatureOwns(
      Map<String, String> tableOfEntity) {
    return new ArchCondition<>("name only the tables their feature owns") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> own = featureOf(item);
        Set<String> reported = new TreeSet<>();
        for (String text : strings(item)) {
          for (String name : TableNames.sqlNames(text)) {
            judge(item, own, name, null, reported, events);
          }
          for (String entity : TableNames.jpqlEntityNames(text)) {
            String tableName = tableOfEntity.get(entity);
            if (tableName != null) {
              judge(item, own, tableName, entity, reported, events);
            }
          }
        }
      }

      /** Reports each table once per class and way of naming it (SQL, or each entity name). */
      private void judge(
          JavaClass item,
          Optional<String> own,
          String name,
          String entity,
          Set<String> reported,
          ConditionEvents events) {
        Optional<FeatureTable.Table> named = table.tableOf(name);
        if (named.isEmpty()) {
          if (reported.add(name)) {
            events.add(
                SimpleConditionEvent.violated(
                    item,
                    item.getName()
                        + " -> "
                        + name
                        + " -> no owner: add the table to a row's 'Owns tables' in "
                        + TABLE_SECTION));
          }
          return;
        }
        String owner = named.get().owner();
        String how =
            entity != null
                ? "entity " + entity + " in JPQL"
                : name.equals(named.get().name()) ? "SQL" : "SQL, " + name;
        if (own.equals(Optional.of(owner))
            || !reported.add(named.get().name() + (entity != null ? how : ""))) {
          return;
        }
        events.add(
            SimpleConditionEvent.violated(
                item,
                item.getName()
                    + " -> "
                    + named.get().name()
                    + " -> "
                    + owner
                    + " ("
                    + how
                    + "): ask the boundary of "
                    + owner
                    + " (or a query object in io.linktrack."
                    + owner
                    + ".boundary) instead"));
      }
    };
  }

  // --- where a class belongs ---

  /** The feature of a class in io.linktrack.<feature>..; empty for classes outside it. */
  static Optional<String> featureOf(JavaClass javaClass) {
    String[] parts = javaClass.getPackageName().split("\\.");
    return parts.length >= 3 && parts[0].equals("io") && parts[1].equals("linktrack")
        ? Optional.of(parts[2])
        : Optional.empty();
  }

  /** boundary, control, entity (or another sub-package) of a feature; empty at its top. */
  static Optional<String> layerOf(JavaClass javaClass) {
    String[] parts = javaClass.getPackageName().split("\\.");
    return featureOf(javaClass).isPresent() && parts.length >= 4
        ? Optional.of(parts[3])
        : Optional.empty();
  }

  /** Each entity's JPQL name (@Entity's name, else its simple name) to its @Table's name. */
  private static Map<String, String> tablesOfEntities(JavaClasses classes) {
    Map<String, String> tables = new HashMap<>();
    for (JavaClass javaClass : classes) {
      if (!javaClass.isAnnotatedWith("jakarta.persistence.Entity")) {
        continue;
      }
      String entityName =
          javaClass
              .getAnnotationOfType("jakarta.persistence.Entity")
              .get("name")
              .map(String::valueOf)
              .filter(name -> !name.isEmpty())
              .orElse(javaClass.getSimpleName());
      String tableName =
          javaClass
              .tryGetAnnotationOfType("jakarta.persistence.Table")
              .flatMap(annotation -> annotation.get("name"))
              .map(String::valueOf)
              .filter(name -> !name.isEmpty())
              .orElse(entityName);
      tables.put(entityName, tableName);
    }
    return tables;
  }

  private static List<String> strings(JavaClass javaClass) {
    var source =
        javaClass
            .getSource()
            .orElseThrow(
                () -> new IllegalStateException("No class file for " + javaClass.getName()));
    try (InputStream in = source.getUri().toURL().openStream()) {
      return TableNames.constantPoolStrings(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source.getUri(), e);
    }
  }

  private static String describe(Set<String> features) {
    return features.isEmpty() ? "nothing" : String.join(", ", features);
  }
}
