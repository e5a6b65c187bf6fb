package io.linktrack.clicks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.boundary.NewestClicks.PersonClick;
import io.linktrack.platform.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A contact's clicks over many messages: asked for a slice of message ids at a time, the pages are
 * the same as one query over all of them would give, newest first, bot hits left out.
 */
class NewestClicksTest {

  private static final Instant BASE = Instant.parse("2026-11-20T08:00:00Z");
  private static final long MESSAGES = 1_200; // three slices of ids

  private static EmbeddedDataSource db;
  private static NewestClicks clicks;

  @BeforeAll
  static void clicks() throws SQLException {
    db = MigratedDatabase.fresh("newest-clicks");
    clicks = new NewestClicks(db);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, BOT, DEVICE_CLASS)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      for (long message = 1; message <= MESSAGES; message++) {
        for (int n = 0; n < 2; n++) {
          s.setLong(1, message * 10 + n);
          s.setLong(2, message);
          // many clicks share an instant: the id decides among them
          s.setTimestamp(3, Timestamp.from(BASE.plus(Duration.ofSeconds((message * 7 + n) % 50))));
          s.setBoolean(4, message % 9 == 0 && n == 1);
          s.setString(5, n == 0 ? "Phone" : "Desktop");
          s.addBatch();
        }
      }
      s.executeBatch();
    }
  }

  /** What one query over every message answers. */
  private static List<PersonClick> allNewestFirst() throws SQLException {
    List<PersonClick> all = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT ID, CLICKED_AT, LINK_ID, MESSAGE_ID, DEVICE_CLASS, OPERATING_SYSTEM,"
                    + " BROWSER FROM LT_CLICK WHERE BOT = FALSE ORDER BY CLICKED_AT DESC, ID DESC");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        all.add(
            new PersonClick(
                r.getLong(1),
                r.getTimestamp(2).toInstant(),
                r.getLong(3),
                r.getLong(4),
                r.getString(5),
                r.getString(6),
                r.getString(7)));
      }
    }
    return all;
  }

  @Test
  void pagesOverManyMessagesAreThoseOfOneQuery() throws SQLException {
    List<Long> messages = LongStream.rangeClosed(1, MESSAGES).boxed().toList();
    List<PersonClick> all = allNewestFirst();
    assertEquals(all.size(), clicks.count(messages), "every person's click counted once");
    assertEquals(all.subList(0, 50), clicks.of(messages, 0, 50));
    assertEquals(all.subList(500, 550), clicks.of(messages, 500, 50));
    assertEquals(all.subList(all.size() - 7, all.size()), clicks.of(messages, all.size() - 7, 50));
    assertEquals(List.of(), clicks.of(messages, all.size(), 50));
  }

  @Test
  void pagesOfAFewMessages() throws SQLException {
    List<Long> messages = List.of(9L, 3L, 4L);
    List<PersonClick> all =
        allNewestFirst().stream().filter(click -> messages.contains(click.messageId())).toList();
    assertEquals(5, all.size(), "message 9's second hit is a bot's");
    assertEquals(5, clicks.count(messages));
    assertEquals(all, clicks.of(messages, 0, 50));
    assertEquals(all.subList(2, 4), clicks.of(messages, 2, 2));
    assertEquals(List.of(), clicks.of(List.of(), 0, 50));
    assertEquals(0, clicks.count(List.of()));
  }
}
