package io.linktrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tools of ArchitectureTest work: its table is read from the docs, its scanner finds names. */
class ArchitectureTableTest {

  private static final FeatureTable DOCS = FeatureTable.read(FeatureTable.DOCS);

  @Test
  void theDocsListTheFeaturesInOrderFromPlatformUp() {
    List<FeatureTable.Feature> features = DOCS.features();
    assertTrue(features.size() >= 10, "docs/architecture.md lists only " + features);
    assertEquals("platform", features.get(0).name(), "platform comes first, open to all");
    for (FeatureTable.Feature feature : features.subList(1, features.size())) {
      assertTrue(
          feature.mayUse().contains("platform"), feature.name() + " may use platform, as all do");
    }
    assertTrue(
        DOCS.feature("clicks").orElseThrow().mayUse().contains("links"), "clicks may use links");
    assertFalse(
        DOCS.feature("links").orElseThrow().mayUse().contains("clicks"),
        "links may not use clicks");
  }

  @Test
  void aNameBelongsToTheLongestTableItStartsWith() {
    assertEquals(Optional.of("LT_LINK -> links"), owner("LT_LINK"));
    assertEquals(Optional.of("LT_LINK -> links"), owner("LT_LINK_SEQ"));
    assertEquals(Optional.of("LT_LINK -> links"), owner("LT_LINK_CAMPAIGN_FK"));
    assertEquals(Optional.of("LT_ALERT -> rules"), owner("LT_ALERT_ONCE"));
    assertEquals(Optional.of("LT_ALERT_ACTION -> rules"), owner("LT_ALERT_ACTION_DUE"));
    assertEquals(Optional.of("LT_CLICK_BATCH -> clicks"), owner("LT_CLICK_BATCH_FOLD"));
    assertEquals(Optional.of("LT_CAMPAIGN_URL -> campaigns"), owner("LT_CAMPAIGN_URL_CLICKS"));
    assertEquals(Optional.of("LT_TIMER_* -> platform"), owner("LT_TIMER_TASKS"));
    assertEquals(Optional.of("LT_MESSAGE -> messages"), owner("lt_message"));
    assertEquals(Optional.empty(), owner("LT_LINKS"), "LT_LINKS is not LT_LINK");
    assertEquals(Optional.empty(), owner("LT_NOTHING"));
  }

  @Test
  void sqlNamesAreFoundInAnyCaseAndOnlyOnTheirOwn() {
    assertEquals(
        Set.of("LT_CLICK", "LT_LINK", "LT_LINK_SEQ"),
        TableNames.sqlNames(
            "SELECT c.ID FROM LT_CLICK c JOIN lt_link l ON l.ID = c.LINK_ID"
                + " -- NEXT VALUE FOR LT_LINK_SEQ"));
    assertEquals(Set.of(), TableNames.sqlNames("/io/linktrack/BUILT_IN_LIST"));
  }

  @Test
  void jpqlEntityNamesAreFoundAfterFromJoinAndUpdate() {
    assertEquals(
        Set.of("Click", "TrackedLink", "Message"),
        TableNames.jpqlEntityNames(
            "SELECT c.clickedAt FROM Click c, TrackedLink l,\u0001 Message m WHERE l.id = c.id"));
    assertEquals(
        Set.of("Message"),
        TableNames.jpqlEntityNames("SELECT m FROM Message m LEFT JOIN m.links l WHERE m.id = :id"));
    assertEquals(
        Set.of("Message", "Contact"),
        TableNames.jpqlEntityNames(
            "UPDATE Message m SET m.x = 1 WHERE EXISTS (SELECT k FROM Contact AS k JOIN FETCH"
                + " k.tags t)"));
    assertEquals(
        Set.of("IdempotencyKey"),
        TableNames.jpqlEntityNames("DELETE FROM IdempotencyKey k WHERE k.expiresAt <= :now"));
    assertEquals(Set.of(), TableNames.jpqlEntityNames("a link that was never clicked"));
  }

  @Test
  void theConstantPoolHoldsAClassesSqlAndJpql() throws IOException {
    try (InputStream in = Sample.class.getResourceAsStream("ArchitectureTableTest$Sample.class")) {
      List<String> strings = TableNames.constantPoolStrings(in);
      assertTrue(
          strings.stream().anyMatch(s -> TableNames.sqlNames(s).contains("LT_SAMPLE")),
          "the SQL constant of Sample is in " + strings);
      assertTrue(
          strings.stream().anyMatch(s -> TableNames.jpqlEntityNames(s).contains("Sample")),
          "the JPQL of Sample is in " + strings);
    }
  }

  @Test
  void aMissingOrMalformedTableFailsWithWhatToFix() {
    var missing =
        assertThrows(
            IllegalStateException.class, () -> FeatureTable.parse("# Architecture\n", "doc.md"));
    assertTrue(missing.getMessage().contains("## Features and their tables"), missing.getMessage());

    String upwards =
        """
        ## Features and their tables

        | # | Feature | Owns tables | May use |
        |---|---|---|---|
        | 1 | `platform` | `LT_SCHEMA_HISTORY` | – |
        | 2 | `links` | `LT_LINK` | `clicks`, `platform` |
        | 3 | `clicks` | `LT_CLICK` | `links`, `platform` |
        """;
    var cycle =
        assertThrows(IllegalStateException.class, () -> FeatureTable.parse(upwards, "doc.md"));
    assertTrue(cycle.getMessage().contains("links may use 'clicks'"), cycle.getMessage());

    String twoOwners =
        upwards.replace("`clicks`, `platform`", "`platform`").replace("LT_CLICK", "LT_LINK");
    var owners =
        assertThrows(IllegalStateException.class, () -> FeatureTable.parse(twoOwners, "doc.md"));
    assertTrue(owners.getMessage().contains("owned by both links and clicks"), owners.getMessage());
  }

  private static Optional<String> owner(String name) {
    return DOCS.tableOf(name).map(table -> table.name() + " -> " + table.owner());
  }

  /** A class with SQL and JPQL, as a boundary would have them. */
  static final class Sample {
    static final String SQL = "UPDATE LT_SAMPLE SET N = N + 1 WHERE ID = ?";

    String jpql(String where) {
      return "SELECT s FROM Sample s" + where;
    }
  }
}
