package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.links.control.LinkTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
              new LinkTarget(link, null, "https://example.com/" + link),
              T0.plusSeconds(fromSecond + i),
              "Mozilla/5.0",
              null,
              "192.0.2.0"));
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
        2, ledger.fold(List.of(new AppendedBatch(a, first), new AppendedBatch(b, second))));

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
        ledger.fold(List.of(new AppendedBatch(kept, live), new AppendedBatch(lost, orphaned))),
        "a batch the sweep already counted is not counted again by its late server");
    assertEquals(0, ledger.foldOrphans(Instant.now().plusSeconds(1), 100));
    assertEquals(10, counter(2), "every click counted exactly once");
  }

  @Test
  void foldNumbersGrowWithEachFoldSoTheFeedCanResumeAfterAnyOfThem() throws SQLException {
    List<PendingClick> batch = clicks(1, 1, 0);
    long first = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(first, batch)));
    long second = ledger.append(batch);
    ledger.fold(List.of(new AppendedBatch(second, batch)));

    long firstFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + first);
    long secondFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + second);
    assertEquals(firstFold + 1, secondFold);
    assertEquals(secondFold, query("SELECT LAST_NO FROM LT_FOLD"));
  }
}
