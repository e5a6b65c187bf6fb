package io.linktrack;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web side of docs/architecture.md, "Features and their tables": a resource is thin, so it
 * talks to the ejb-module through boundaries (and the entities and values they hand out), never
 * through a feature's control classes; and the problem handling both web modules share knows no
 * feature. The ejb-module's own rules are its {@code ArchitectureTest}.
 */
class WebArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void readTheCode() {
    // this module's classes, web-module/shared's, and the ejb-module's they call
    classes =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("io.linktrack");
  }

  @Test
  void resourcesCallBoundariesNotControls() {
    noClasses()
        .that()
        .resideInAPackage("io.linktrack..rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.linktrack..control..")
        .because(
            "a resource parses, makes one boundary call and builds the response; what it needs of"
                + " a control belongs behind the feature's boundary")
        .check(classes);
  }

  @Test
  void theSharedProblemHandlingKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.linktrack.platform.rest..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.linktrack..")
                .and(not(resideInAPackage("io.linktrack.platform.."))))
        .because(
            "web-module/shared serves both web modules: a feature's own problem is mapped in that"
                + " feature's rest package")
        .check(classes);
  }
}
