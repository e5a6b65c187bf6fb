package io.linktrack.clicks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.platform.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention delete on an in-memory Derby database built by the real migrations: old counted
 * clicks go, young ones and uncounted ones stay, and the link counters keep their values.
 */
class ClickRetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(395));

  private final ClickRetention retention = new ClickRetention();
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = MigratedDatabase.fresh("retention");
    retention.dataSource = db;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, ORIGINAL_URL, POSITION, CLICKS, FIRST_CLICK, LAST_CLICK,"
              + " CREATED_AT) VALUES (1, 'aaaaaaaa', 'https://example.com/a', 0, 7,"
              + " TIMESTAMP('2024-01-01 00:00:00'), TIMESTAMP('2026-11-24 09:00:00'),"
              + " TIMESTAMP('2024-01-01 00:00:00'))");
      // batch 1 was counted by a fold, batch 2 is not counted yet (its server died)
      s.executeUpdate(
          "INSERT INTO LT_CLICK_BATCH (ID, CLICKS, RECORDED_AT, FOLD_NO) VALUES"
              + " (1, 3, CURRENT_TIMESTAMP, 1), (2, 1, CURRENT_TIMESTAMP, NULL)");
    }
  }

  private void click(Instant at, Long batch) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, USER_AGENT, BATCH_ID)"
                    + " VALUES (1, NULL, ?, 'Mozilla/5.0', ?)")) {
      s.setTimestamp(1, Timestamp.from(at));
      if (batch == null) {
        s.setNull(2, java.sql.Types.BIGINT);
      } else {
        s.setLong(2, batch);
      }
      s.executeUpdate();
    }
  }

  private List<Instant> remaining() throws SQLException {
    List<Instant> times = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT CLICKED_AT FROM LT_CLICK ORDER BY CLICKED_AT");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        times.add(r.getTimestamp(1).toInstant());
      }
    }
    return times;
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
  void onlyCountedClicksOlderThanTheRetentionAreDeletedAndCountersStay() throws SQLException {
    Instant old = CUTOFF.minusSeconds(60);
    Instant young = CUTOFF.plusSeconds(60);
    click(old, 1L);
    click(old.minusSeconds(1), null); // written before clicks were batched: counted at once
    click(old, 2L); // old, but not counted yet: the orphan sweep still needs it
    click(young, 1L);
    click(NOW, 1L);

    assertEquals(2, retention.deleteBatch(CUTOFF, 10_000));

    assertEquals(List.of(old, young, NOW), remaining(), "young and uncounted clicks stay");
    assertEquals(
        7, query("SELECT CLICKS FROM LT_LINK WHERE ID = 1"), "the counter keeps its value");
    assertEquals(
        1,
        query(
            "SELECT COUNT(*) FROM LT_LINK WHERE FIRST_CLICK = TIMESTAMP('2024-01-01 00:00:00')"
                + " AND LAST_CLICK = TIMESTAMP('2026-11-24 09:00:00')"),
        "first and last click stay although the click rows behind them are gone");
    assertEquals(0, retention.deleteBatch(CUTOFF, 10_000), "nothing left to delete");
  }

  @Test
  void aBatchDeletesAtMostItsLimitSoTheTimerCanLoopInShortTransactions() throws SQLException {
    for (int i = 0; i < 5; i++) {
      click(CUTOFF.minusSeconds(100 + i), 1L);
    }
    assertEquals(2, retention.deleteBatch(CUTOFF, 2));
    assertEquals(2, retention.deleteBatch(CUTOFF, 2));
    assertEquals(1, retention.deleteBatch(CUTOFF, 2));
    assertEquals(0, retention.deleteBatch(CUTOFF, 2));
    assertEquals(0, query("SELECT COUNT(*) FROM LT_CLICK"));
  }
}
