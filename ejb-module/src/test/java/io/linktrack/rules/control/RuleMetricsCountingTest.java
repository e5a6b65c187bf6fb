package io.linktrack.rules.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.boundary.ClickCounts;
import io.linktrack.links.boundary.LinkTotals;
import io.linktrack.messages.boundary.MessageDirectory;
import io.linktrack.messages.boundary.MessageDirectory.MessageEntry;
import io.linktrack.platform.JsonFields;
import io.linktrack.platform.MigratedDatabase;
import io.linktrack.rules.entity.Rule;
import io.linktrack.rules.entity.RuleDraft;
import io.linktrack.rules.entity.Scope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every scope counted through the owners' query objects on an in-memory Derby database built by the
 * real migrations: contact c has messages 10 (campaign 7) and 11 (campaign 8), contact d message 12
 * (campaign 7); campaign 7 also has a custom link without a message, which no rule counts by
 * campaign. The tests only read, so they share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleMetricsCountingTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final RuleMetrics metrics = new RuleMetrics();
  private final MessageDirectory messages = new MessageDirectory();
  private Map<Long, MessageEntry> known;

  private static Rule rule(String fields) {
    return new Rule(
        RuleDraft.fromJson(
            JsonFields.parse(
                "{\"name\":\"r\",\"threshold\":1,"
                    + fields
                    + ",\"actions\":[{\"type\":\"CREATE_TASK\",\"assignee\":\"a\",\"subject\":\"s\"}]}",
                "A rule")),
        NOW);
  }

  private static void inject(Object target, DataSource db) throws ReflectiveOperationException {
    var field = target.getClass().getDeclaredField("dataSource");
    field.setAccessible(true);
    field.set(target, db);
  }

  @BeforeAll
  void database() throws Exception {
    DataSource db = MigratedDatabase.fresh("rule-metrics");
    metrics.links = new LinkTotals();
    metrics.clickCounts = new ClickCounts();
    metrics.messages = messages;
    inject(metrics.links, db);
    inject(metrics.clickCounts, db);
    inject(messages, db);
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_CAMPAIGN (ID, NAME, TRACK_LINKS, CREATED_AT) VALUES"
              + " (7, 'seven', TRUE, CURRENT_TIMESTAMP), (8, 'eight', TRUE, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, STATUS, CAMPAIGN_ID, CONTACT_ID,"
              + " CREATED_AT) VALUES (10, 'EMAIL', 'c@example.com', 'b', 'SENT', 7, 'c',"
              + " CURRENT_TIMESTAMP), (11, 'EMAIL', 'c@example.com', 'b', 'SENT', 8, 'c',"
              + " CURRENT_TIMESTAMP), (12, 'EMAIL', 'd@example.com', 'b', 'SENT', 7, 'd',"
              + " CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, ORIGINAL_URL, POSITION, CLICKS, CAMPAIGN_ID,"
              + " CREATED_AT) VALUES"
              + " (1, 'aaaaaaa1', 10, 'https://a.example/pricing', 0, 3, 7, CURRENT_TIMESTAMP),"
              + " (2, 'aaaaaaa2', 11, 'https://a.example/pricing', 0, 1, 8, CURRENT_TIMESTAMP),"
              + " (3, 'aaaaaaa3', 11, 'https://a.example/blog', 1, 0, 8, CURRENT_TIMESTAMP),"
              + " (4, 'aaaaaaa4', 12, 'https://a.example/pricing', 0, 2, 7, CURRENT_TIMESTAMP),"
              + " (5, 'aaaaaaa5', NULL, 'https://a.example/pricing', 0, 9, 7, CURRENT_TIMESTAMP)");
    }
    click(db, 1, 10L, Duration.ofMinutes(1), false);
    click(db, 1, 10L, Duration.ofMinutes(1), false);
    click(db, 1, 10L, Duration.ofMinutes(10), false); // outside a five-minute window
    click(db, 2, 11L, Duration.ofMinutes(2), false);
    click(db, 2, 11L, Duration.ofMinutes(1), true); // a scanner
    click(db, 4, 12L, Duration.ofMinutes(1), false);
    click(db, 5, null, Duration.ofMinutes(1), false);
    known = new HashMap<>();
    messages.of(List.of(10L, 11L, 12L)).forEach(m -> known.put(m.messageId(), m));
  }

  private static void click(DataSource db, long link, Long message, Duration ago, boolean bot)
      throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, BOT) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, link);
      if (message == null) {
        s.setNull(2, java.sql.Types.BIGINT);
      } else {
        s.setLong(2, message);
      }
      s.setTimestamp(3, Timestamp.from(NOW.minus(ago)));
      s.setBoolean(4, bot);
      s.executeUpdate();
    }
  }

  private long counted(Rule rule, String subject) {
    Map<String, List<RuleMetrics.LinkRow>> rows =
        metrics.linkRows(rule.scope(), List.of(subject), known);
    return RuleMetrics.value(rule, rows.getOrDefault(subject, List.of()));
  }

  @Test
  void everyScopeHasItsObject() {
    for (Scope scope : Scope.values()) {
      assertEquals(scope, RuleMetrics.of(scope).scope());
    }
  }

  @Test
  void withoutAWindowTheLinkCountersOfTheSubjectAreCounted() {
    assertEquals(3, counted(rule("\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\""), "10"));
    assertEquals(1, counted(rule("\"scope\":\"MESSAGE\",\"metric\":\"UNIQUE_CLICKS\""), "11"));
    assertEquals(9, counted(rule("\"scope\":\"LINK\",\"metric\":\"CLICKS\""), "5"));
    assertEquals(4, counted(rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\""), "c"));
    assertEquals(
        1,
        counted(rule("\"scope\":\"CONTACT\",\"metric\":\"UNIQUE_CLICKS\""), "c"),
        "the same URL in two messages is one distinct URL; the unclicked blog link does not count");
    assertEquals(
        1, counted(rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\",\"campaignId\":8"), "c"));
  }

  @Test
  void aCampaignIsSummedFromItsMessagesLinksOnly() {
    assertEquals(
        Map.of("7", 5L, "8", 1L),
        metrics.totals(rule("\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\""), List.of("7", "8")),
        "the custom link's nine clicks are not the campaign's messages' clicks");
    assertEquals(
        Map.of("7", 2L, "8", 1L),
        metrics.totals(
            rule("\"scope\":\"CAMPAIGN\",\"metric\":\"UNIQUE_CLICKS\""), List.of("7", "8")));
    assertEquals(
        Map.of("8", 0L),
        metrics.totals(
            rule("\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\",\"urlContains\":\"blog\""),
            List.of("7", "8")));
    assertEquals(
        Map.of("8", 1L),
        metrics.totals(
            rule("\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\",\"campaignId\":8"),
            List.of("7", "8")));
  }

  @Test
  void withAWindowThePeoplesClicksInsideItAreCounted() {
    String window = ",\"withinMinutes\":5";
    assertEquals(
        Map.of("10", 2L, "11", 1L),
        metrics.inWindow(
            rule("\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\"" + window),
            List.of("10", "11"),
            NOW,
            known),
        "the click ten minutes ago and the scanner's are not counted");
    assertEquals(
        Map.of("5", 1L),
        metrics.inWindow(
            rule("\"scope\":\"LINK\",\"metric\":\"CLICKS\"" + window), List.of("5"), NOW, known));
    assertEquals(
        Map.of("c", 1L),
        metrics.inWindow(
            rule("\"scope\":\"CONTACT\",\"metric\":\"UNIQUE_CLICKS\"" + window),
            List.of("c"),
            NOW,
            known));
    assertEquals(
        Map.of(),
        metrics.inWindow(
            rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\",\"urlContains\":\"blog\"" + window),
            List.of("c"),
            NOW,
            known));
    assertEquals(
        Map.of("c", 1L),
        metrics.inWindow(
            rule("\"scope\":\"CONTACT\",\"metric\":\"CLICKS\",\"campaignId\":8" + window),
            List.of("c"),
            NOW,
            known));
    assertEquals(
        Map.of("7", 3L),
        metrics.inWindow(
            rule("\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\"" + window),
            List.of("7"),
            NOW,
            known));
    assertEquals(
        Map.of("7", 2L),
        metrics.inWindow(
            rule("\"scope\":\"CAMPAIGN\",\"metric\":\"UNIQUE_CLICKS\"" + window),
            List.of("7"),
            NOW,
            known));
  }
}
