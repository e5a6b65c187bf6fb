package io.linktrack.clicks.control;

import io.linktrack.links.entity.LinkTarget;
import io.linktrack.platform.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;

/** What the writer's and the folder's tests start from: two links, and clicks on them. */
final class ClickFixture {

  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  static final DeviceDetector DEVICES = new DeviceDetector();
  static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  private ClickFixture() {}

  /** A migrated in-memory database holding links 1 and 2. */
  static EmbeddedDataSource databaseWithTwoLinks() throws SQLException {
    EmbeddedDataSource db = MigratedDatabase.fresh("ledger");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, ORIGINAL_URL, POSITION, CREATED_AT) VALUES"
              + " (1, 'aaaaaaaa', 'https://example.com/a', 0, CURRENT_TIMESTAMP),"
              + " (2, 'bbbbbbbb', 'https://example.com/b', 1, CURRENT_TIMESTAMP)");
    }
    return db;
  }

  /** {@code count} people's clicks on {@code link}, a second apart from {@code T0 + fromSecond}. */
  static List<PendingClick> clicks(long link, int count, int fromSecond) {
    List<PendingClick> clicks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clicks.add(
          PendingClick.of(
              new LinkTarget(link, null, "https://example.com/" + link, 0, null, false),
              T0.plusSeconds(fromSecond + i),
              "Mozilla/5.0",
              null,
              "192.0.2.0",
              null));
    }
    return clicks;
  }
}
