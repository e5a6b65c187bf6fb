package io.linktrack.exports.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.campaigns.boundary.CampaignNames;
import io.linktrack.links.boundary.ExportedLinks;
import io.linktrack.links.boundary.LinksOfMessages;
import io.linktrack.links.control.ShortLinks;
import io.linktrack.messages.boundary.ExportedMessages;
import io.linktrack.platform.MigratedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV files, byte for byte, on an in-memory Derby database built by the real migrations: the
 * expected files were written by the export as it was when it joined the tables in one query, so
 * they hold the columns, order, quoting, defusing and filters users have always had.
 */
class ExportsTest {

  private static final Instant BASE = Instant.parse("2026-11-20T08:00:00.123456Z");

  private static EmbeddedDataSource db;
  private final Exports exports = new Exports();

  @BeforeEach
  void exports() {
    ShortLinks shortLinks =
        new ShortLinks() {
          @Override
          public String baseUrl() {
            return "https://lt.example.com";
          }
        };
    exports.links = new ExportedLinks(db, shortLinks);
    exports.messages = new ExportedMessages(db);
    exports.linksOfMessages = new LinksOfMessages(db, shortLinks);
    exports.campaigns = new CampaignNames(db);
  }

  /** Read-only for the tests: built once. */
  @BeforeAll
  static void database() throws SQLException {
    db = MigratedDatabase.fresh("exports");
    try (Connection c = db.getConnection()) {
      insertCampaign(c, 1, "=Autumn, sale");
      insertCampaign(c, 2, "Plain \"quoted\"");
      long linkId = 100;
      for (int i = 0; i < 14; i++) {
        long messageId = 50 + i;
        // messages 4 and 5 share a creation time: the id decides their order
        Instant created = BASE.plus(Duration.ofMinutes(i == 5 ? 4 : i));
        Long campaign = i % 3 == 0 ? null : (long) (i % 3);
        insertMessage(
            c,
            messageId,
            i % 2 == 0 ? "SMS" : "EMAIL",
            i % 2 == 0 ? "+1555000" + i : "a" + i + "@x.example",
            i % 5 == 0 ? "FAILED" : "SENT",
            campaign,
            created);
        for (int position = 0; position < i % 4; position++) {
          long clicks = (i + position) % 3;
          // in message 7 the first two links share a first click: the position decides
          Instant first =
              clicks == 0
                  ? null
                  : BASE.plus(Duration.ofHours(i))
                      .plus(Duration.ofMinutes(i == 7 && position < 2 ? 1 : 3 - position));
          Instant last = first == null ? null : first.plus(Duration.ofMinutes(clicks));
          String url =
              i == 6 && position == 1
                  ? "@evil https://bad.example.com"
                  : "https://shop.example.com/p/" + i + "/" + position + "?a=1,b=2";
          insertLink(
              c, linkId++, messageId, null, url, position, campaign, created, null, null, clicks,
              position, first, last);
        }
        if (i % 4 == 1) {
          // a custom link, created between the messages
          Instant first = i == 5 ? null : BASE.plus(Duration.ofDays(1));
          insertLink(
              c,
              linkId++,
              null,
              i == 1 ? "+poster" : i == 5 ? null : "Poster, \"big\"",
              "https://shop.example.com/custom/" + i,
              0,
              i == 9 ? null : 1L,
              created.plusSeconds(30),
              i == 1 ? BASE.plus(Duration.ofDays(30)) : null,
              i == 9 ? BASE.plus(Duration.ofDays(2)) : null,
              first == null ? 0 : 4,
              i,
              first,
              first == null ? null : first.plusSeconds(90));
        }
      }
    }
  }

  private static void insertCampaign(Connection c, long id, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO LT_CAMPAIGN (ID, NAME, TRACK_LINKS, CREATED_AT) VALUES (?, ?, TRUE, ?)")) {
      s.setLong(1, id);
      s.setString(2, name);
      s.setTimestamp(3, Timestamp.from(BASE));
      s.executeUpdate();
    }
  }

  private static void insertMessage(
      Connection c,
      long id,
      String channel,
      String recipient,
      String status,
      Long campaign,
      Instant created)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, STATUS, CAMPAIGN_ID,"
                + " CREATED_AT) VALUES (?, ?, ?, 'body', ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, channel);
      s.setString(3, recipient);
      s.setString(4, status);
      setLong(s, 5, campaign);
      s.setTimestamp(6, Timestamp.from(created));
      s.executeUpdate();
    }
  }

  private static void insertLink(
      Connection c,
      long id,
      Long messageId,
      String name,
      String url,
      int position,
      Long campaign,
      Instant created,
      Instant expires,
      Instant retired,
      long clicks,
      long botClicks,
      Instant first,
      Instant last)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, NAME, ORIGINAL_URL, POSITION, CAMPAIGN_ID,"
                + " CREATED_AT, EXPIRES_AT, RETIRED_AT, CLICKS, BOT_CLICKS, FIRST_CLICK,"
                + " LAST_CLICK) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, "c" + id);
      setLong(s, 3, messageId);
      s.setString(4, name);
      s.setString(5, url);
      s.setInt(6, position);
      setLong(s, 7, campaign);
      s.setTimestamp(8, Timestamp.from(created));
      setInstant(s, 9, expires);
      setInstant(s, 10, retired);
      s.setLong(11, clicks);
      s.setLong(12, botClicks);
      setInstant(s, 13, first);
      setInstant(s, 14, last);
      s.executeUpdate();
    }
  }

  private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, value);
    }
  }

  private static void setInstant(PreparedStatement s, int index, Instant value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.TIMESTAMP);
    } else {
      s.setTimestamp(index, Timestamp.from(value));
    }
  }

  private static String expected(String file) throws IOException {
    try (InputStream in = ExportsTest.class.getResourceAsStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String links(ExportQuery query) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeLinks(query, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String messages(ExportQuery query) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeMessages(query, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "in chunks of {0} rows")
  @ValueSource(ints = {1, 3, 500})
  void everyLinkIsOneRowOldestFirst(int chunk) throws IOException {
    exports.chunkSize = chunk;
    assertEquals(expected("links-all.csv"), links(new ExportQuery(null, null, null)));
  }

  @ParameterizedTest(name = "in chunks of {0} rows")
  @ValueSource(ints = {1, 3, 500})
  void theLinksOfOneCampaignInATimeRange(int chunk) throws IOException {
    exports.chunkSize = chunk;
    assertEquals(
        expected("links-campaign-1-range.csv"),
        links(
            new ExportQuery(
                BASE.plus(Duration.ofMinutes(1)), BASE.plus(Duration.ofMinutes(10)), 1L)));
  }

  @ParameterizedTest(name = "in chunks of {0} rows")
  @ValueSource(ints = {1, 3, 500})
  void everyMessageIsOneRowWithItsLinksCountersOldestFirst(int chunk) throws IOException {
    exports.chunkSize = chunk;
    assertEquals(expected("messages-all.csv"), messages(new ExportQuery(null, null, null)));
  }

  @ParameterizedTest(name = "in chunks of {0} rows")
  @ValueSource(ints = {1, 3, 500})
  void theMessagesOfOneCampaignFromAnInstant(int chunk) throws IOException {
    exports.chunkSize = chunk;
    assertEquals(
        expected("messages-campaign-2-from.csv"),
        messages(new ExportQuery(BASE.plus(Duration.ofMinutes(4)), null, 2L)));
  }

  @Test
  void anEmptyExportIsTheHeaderAlone() throws IOException {
    ExportQuery nothing = new ExportQuery(null, BASE.minus(Duration.ofDays(1)), null);
    assertEquals(
        "id,type,name,originalUrl,shortUrl,campaignId,campaign,messageId,createdAt,expiresAt,"
            + "retiredAt,clicks,uniqueClicks,botClicks,firstClick,lastClick\r\n",
        links(nothing));
    assertEquals(
        "id,channel,to,status,campaignId,campaign,createdAt,clicks,firstClick,lastClick,"
            + "linksClicked\r\n",
        messages(nothing));
  }
}
