package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.control.LinkTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The click ledger's SQL on an in-memory Derby database built by the real migrations: every stored
 * click is counted on its link exactly once, whichever of the server's fold or the orphan sweep
 * gets to its batch first.
 */
class ClickLedgerTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private static final DeviceDetector DEVICES = new DeviceDetector();
  private static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  private final ClickLedger ledger = new ClickLedger();
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = new EmbeddedDataSource();
    db.setDatabaseName("memory:ledger-" + UUID.randomUUID());
    db.setCreateDatabase("create");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/derby")
        .table("LT_SCHEMA_HISTORY")
        .load()
        .migrate();
    ledger.dataSource = db;
    ledger.devices = DEVICES;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, ORIGINAL_URL, POSITION, CREATED_AT) VALUES"
              + " (1, 'aaaaaaaa', 'https://example.com/a', 0, CURRENT_TIMESTAMP),"
              + " (2, 'bbbbbbbb', 'https://example.com/b', 1, CURRENT_TIMESTAMP)");
    }
  }

  private static List<PendingClick> clicks(long link, int count, int fromSecond) {
    List<PendingClick> clicks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clicks.add(
          PendingClick.of(
              new LinkTarget(link, null, "https://example.com/" + link, null, 0, null, false),
              T0.plusSeconds(fromSecond + i),
              "Mozilla/5.0",
              null,
              "192.0.2.0",
              null));
    }
    return clicks;
  }

  private long counter(long link) throws SQLException {
    return query("SELECT CLICKS FROM LT_LINK WHERE ID = " + link);
  }

  private long query(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void aFoldCountsItsBatchesOnTheirLinksWithFirstAndLastClick() throws SQLException {
    List<PendingClick> first = clicks(1, 3, 10);
    List<PendingClick> second = new ArrayList<>(clicks(1, 2, 0));
    second.addAll(clicks(2, 4, 20));
    long a = ledger.append(first);
    long b = ledger.append(second);
    assertEquals(0, counter(1), "appending stores click rows; counting is the fold's job");

    assertEquals(
        2,
        ledger.fold(
            List.of(new AppendedBatch(a, T0, first), new AppendedBatch(b, T0, second)), Set.of()));

    assertEquals(5, counter(1));
    assertEquals(4, counter(2));
    assertEquals(9, query("SELECT COUNT(*) FROM LT_CLICK"));
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT FIRST_CLICK, LAST_CLICK FROM LT_LINK WHERE ID = 1");
        ResultSet r = s.executeQuery()) {
      r.next();
      assertEquals(T0, r.getTimestamp(1).toInstant(), "earliest click of either batch");
      assertEquals(T0.plusSeconds(12), r.getTimestamp(2).toInstant(), "latest click");
    }
  }

  @Test
  void aBatchIsCountedOnceWhicheverFoldClaimsItFirst() throws SQLException {
    List<PendingClick> orphaned = clicks(2, 7, 0);
    long lost = ledger.append(orphaned); // its server died before folding it
    List<PendingClick> live = clicks(2, 3, 30);
    long kept = ledger.append(live);

    assertEquals(
        0,
        ledger.foldOrphans(Instant.now().minusSeconds(3600), 100),
        "young batches are left alone");
    assertEquals(2, ledger.foldOrphans(Instant.now().plusSeconds(1), 100));
    assertEquals(10, counter(2), "the sweep reads the orphans' clicks back from their rows");

    assertEquals(
        0,
        ledger.fold(
            List.of(new AppendedBatch(kept, T0, live), new AppendedBatch(lost, T0, orphaned)),
            Set.of()),
        "a batch the sweep already counted is not counted again by its late server");
    assertEquals(0, ledger.foldOrphans(Instant.now().plusSeconds(1), 100));
    assertEquals(10, counter(2), "every click counted exactly once");
  }

  private static PendingClick bot(long link, int second) {
    return PendingClick.of(
        new LinkTarget(link, null, "https://example.com/" + link, null, 0, null, false),
        T0.plusSeconds(second),
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        null,
        null,
        BotReason.USER_AGENT);
  }

  @Test
  void botHitsAreStoredWithTheirReasonButCountOnlyAsBotClicks() throws SQLException {
    List<PendingClick> batch = new ArrayList<>(List.of(bot(1, 0), bot(1, 1), bot(2, 2)));
    batch.add(
        PendingClick.of(
            new LinkTarget(1, null, "https://example.com/1", null, 0, null, false),
            T0.plusSeconds(5),
            IPHONE,
            null,
            null,
            null));
    long id = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of());

    assertEquals(1, counter(1), "only the person's click counts");
    assertEquals(2, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 1"));
    assertEquals(0, counter(2));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 2"));
    assertEquals(
        1,
        query("SELECT COUNT(*) FROM LT_LINK WHERE ID = 2 AND FIRST_CLICK IS NULL"),
        "a link only bots opened has no first click");
    assertEquals(
        3, query("SELECT COUNT(*) FROM LT_CLICK WHERE BOT = TRUE AND BOT_REASON = 'USER_AGENT'"));
    assertEquals(
        1,
        query(
            "SELECT COUNT(*) FROM LT_CLICK WHERE BOT = FALSE AND DEVICE_CLASS = 'Phone'"
                + " AND OPERATING_SYSTEM LIKE 'iOS%' AND BROWSER LIKE 'Safari%'"),
        "the click stores device class, operating system and browser");
  }

  @Test
  void aBurstFoundAfterStoringIsStoredAndCountedAsBotHits() throws SQLException {
    List<PendingClick> batch = clicks(1, 2, 0);
    batch.addAll(clicks(2, 1, 0));
    long id = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of(batch.get(1), batch.get(2)));

    assertEquals(1, counter(1), "the hit outside the burst still counts");
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 1"));
    assertEquals(0, counter(2));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 2"));
    assertEquals(2, query("SELECT COUNT(*) FROM LT_CLICK WHERE BOT_REASON = 'BURST'"));
  }

  @Test
  void theOrphanSweepSeparatesBotsFromPeopleToo() throws SQLException {
    List<PendingClick> batch = new ArrayList<>(List.of(bot(2, 0)));
    batch.addAll(clicks(2, 2, 3));
    ledger.append(batch);
    assertEquals(1, ledger.foldOrphans(Instant.now().plusSeconds(1), 10));
    assertEquals(2, counter(2));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 2"));
  }

  @Test
  void foldNumbersGrowWithEachFoldSoTheFeedCanResumeAfterAnyOfThem() throws SQLException {
    List<PendingClick> batch = clicks(1, 1, 0);
    long first = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(first, T0, batch)), Set.of());
    long second = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(second, T0, batch)), Set.of());

    long firstFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + first);
    long secondFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + second);
    assertEquals(firstFold + 1, secondFold);
    assertEquals(secondFold, query("SELECT LAST_NO FROM LT_FOLD"));
  }
}
