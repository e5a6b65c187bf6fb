package io.linktrack.clicks.control;

import static io.linktrack.clicks.control.ClickFixture.DEVICES;
import static io.linktrack.clicks.control.ClickFixture.IPHONE;
import static io.linktrack.clicks.control.ClickFixture.T0;
import static io.linktrack.clicks.control.ClickFixture.clicks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.entity.LinkTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fold's SQL on an in-memory Derby database built by the real migrations: every stored click is
 * counted on its link (and its campaign) exactly once, whichever of the server's fold or the orphan
 * sweep gets to its batch first.
 */
class ClickFolderTest {

  private final ClickWriter writer = new ClickWriter();
  private final ClickFolder folder = new ClickFolder();
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = ClickFixture.databaseWithTwoLinks();
    writer.dataSource = db;
    writer.devices = DEVICES;
    folder.dataSource = db;
  }

  private long journalEnd;

  /** Appends as the writer does: from a journal, whose position moves on by each batch. */
  private long append(List<PendingClick> batch) {
    journalEnd += 100L * batch.size();
    return writer.append(batch, "journal-a", journalEnd);
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
    long a = append(first);
    long b = append(second);
    assertEquals(0, counter(1), "appending stores click rows; counting is the fold's job");

    assertEquals(
        2,
        folder.fold(
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
    long lost = append(orphaned); // its server died before folding it
    List<PendingClick> live = clicks(2, 3, 30);
    long kept = append(live);

    assertEquals(
        0,
        folder.foldOrphans(Instant.now().minusSeconds(3600), 100),
        "young batches are left alone");
    assertEquals(2, folder.foldOrphans(Instant.now().plusSeconds(1), 100));
    assertEquals(10, counter(2), "the sweep reads the orphans' clicks back from their rows");

    assertEquals(
        0,
        folder.fold(
            List.of(new AppendedBatch(kept, T0, live), new AppendedBatch(lost, T0, orphaned)),
            Set.of()),
        "a batch the sweep already counted is not counted again by its late server");
    assertEquals(0, folder.foldOrphans(Instant.now().plusSeconds(1), 100));
    assertEquals(10, counter(2), "every click counted exactly once");
  }

  private static PendingClick bot(long link, int second) {
    return PendingClick.of(
        new LinkTarget(link, null, "https://example.com/" + link, 0, null, false),
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
            new LinkTarget(1, null, "https://example.com/1", 0, null, false),
            T0.plusSeconds(5),
            IPHONE,
            null,
            null,
            null));
    long id = append(batch);
    folder.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of());

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
    long id = append(batch);
    folder.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of(batch.get(1), batch.get(2)));

    assertEquals(1, counter(1), "the hit outside the burst still counts");
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 1"));
    assertEquals(0, counter(2));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 2"));
    assertEquals(2, query("SELECT COUNT(*) FROM LT_CLICK WHERE BOT_REASON = 'BURST'"));
  }

  private void campaignWithTwoMessages() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_CAMPAIGN (ID, NAME, TRACK_LINKS, CREATED_AT)"
              + " VALUES (7, 'Sale', TRUE, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, STATUS, CAMPAIGN_ID, CREATED_AT)"
              + " VALUES (10, 'SMS', '+1', 'b', 'SENT', 7, CURRENT_TIMESTAMP),"
              + " (11, 'SMS', '+2', 'b', 'SENT', 7, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, CAMPAIGN_ID, ORIGINAL_URL, POSITION,"
              + " CREATED_AT) VALUES"
              + " (20, 'cccccccc', 10, 7, 'https://example.com/sale', 0, CURRENT_TIMESTAMP),"
              + " (21, 'dddddddd', 10, 7, 'https://example.com/help', 1, CURRENT_TIMESTAMP),"
              + " (22, 'eeeeeeee', 11, 7, 'https://example.com/sale', 0, CURRENT_TIMESTAMP)");
    }
  }

  private long foldOn(long link, long message, boolean human, int count) {
    List<PendingClick> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          PendingClick.of(
              new LinkTarget(link, message, "u", 2, null, false),
              T0.plusSeconds(i),
              "Mozilla/5.0",
              null,
              null,
              human ? null : BotReason.USER_AGENT));
    }
    long id = append(batch);
    folder.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of());
    return id;
  }

  @Test
  void oneFoldOverSeveralMessagesCountsEachClickedMessageOnce() throws SQLException {
    campaignWithTwoMessages();
    List<PendingClick> batch = new ArrayList<>();
    batch.add(hit(20, 10, null));
    batch.add(hit(22, 11, null));
    batch.add(hit(22, 11, null));
    batch.add(hit(22, 11, BotReason.USER_AGENT));
    long id = append(batch);
    folder.fold(List.of(new AppendedBatch(id, T0, batch)), Set.of());
    foldOn(21, 10, true, 1);
    assertEquals(2, query("SELECT MESSAGES_CLICKED FROM LT_CAMPAIGN WHERE ID = 7"));
  }

  @Test
  void aCustomLinkOfTheCampaignCountsClicksButNoMessage() throws SQLException {
    campaignWithTwoMessages();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, STATUS, CAMPAIGN_ID, CREATED_AT)"
              + " VALUES (12, 'SMS', '+3', 'b', 'SENT', 7, CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, CAMPAIGN_ID, ORIGINAL_URL, POSITION,"
              + " CREATED_AT) VALUES"
              + " (23, 'ffffffff', 11, 7, 'https://example.com/help', 1, CURRENT_TIMESTAMP),"
              + " (24, 'gggggggg', 12, 7, 'https://example.com/sale', 0, CURRENT_TIMESTAMP),"
              + " (25, 'hhhhhhhh', NULL, 7, 'https://example.com/poster', 0, CURRENT_TIMESTAMP)");
    }
    foldOn(20, 10, true, 1);
    long b1 = append(List.of(hit(22, 11, null)));
    long b2 = append(List.of(hit(22, 11, null)));
    folder.fold(
        List.of(
            new AppendedBatch(b1, T0, List.of(hit(22, 11, null))),
            new AppendedBatch(b2, T0, List.of(hit(22, 11, null)))),
        Set.of());
    List<PendingClick> custom =
        List.of(
            PendingClick.of(
                new LinkTarget(25, null, "u", 0, null, false),
                T0,
                "Mozilla/5.0",
                null,
                null,
                null));
    List<PendingClick> bot = List.of(hit(24, 12, BotReason.USER_AGENT));
    long b3 = append(custom);
    long b4 = append(bot);
    folder.fold(
        List.of(new AppendedBatch(b3, T0, custom), new AppendedBatch(b4, T0, bot)), Set.of());
    foldOn(21, 10, true, 1);
    assertEquals(2, query("SELECT MESSAGES_CLICKED FROM LT_CAMPAIGN WHERE ID = 7"));
  }

  private static PendingClick hit(long link, long message, BotReason bot) {
    return PendingClick.of(
        new LinkTarget(link, message, "u", 2, null, false), T0, "Mozilla/5.0", null, null, bot);
  }

  @Test
  void foldsKeepTheCampaignReportCountersInStep() throws SQLException {
    campaignWithTwoMessages();
    foldOn(20, 10, true, 1);
    foldOn(22, 11, true, 2);
    foldOn(22, 11, false, 1);
    foldOn(21, 10, true, 1);

    assertEquals(2, query("SELECT MESSAGES_CLICKED FROM LT_CAMPAIGN WHERE ID = 7"));
    assertEquals(4, query("SELECT CLICKS FROM LT_CAMPAIGN WHERE ID = 7"));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_CAMPAIGN WHERE ID = 7"));
    assertEquals(
        3,
        query(
            "SELECT CLICKS FROM LT_CAMPAIGN_URL WHERE CAMPAIGN_ID = 7"
                + " AND ORIGINAL_URL = 'https://example.com/sale'"));
    assertEquals(
        2,
        query(
            "SELECT UNIQUE_CLICKS FROM LT_CAMPAIGN_URL WHERE CAMPAIGN_ID = 7"
                + " AND ORIGINAL_URL = 'https://example.com/sale'"),
        "two links of the sale URL were clicked by people");
  }

  @Test
  void theOrphanSweepSeparatesBotsFromPeopleToo() throws SQLException {
    List<PendingClick> batch = new ArrayList<>(List.of(bot(2, 0)));
    batch.addAll(clicks(2, 2, 3));
    append(batch);
    assertEquals(1, folder.foldOrphans(Instant.now().plusSeconds(1), 10));
    assertEquals(2, counter(2));
    assertEquals(1, query("SELECT BOT_CLICKS FROM LT_LINK WHERE ID = 2"));
  }

  @Test
  void foldNumbersGrowWithEachFoldSoTheFeedCanResumeAfterAnyOfThem() throws SQLException {
    List<PendingClick> batch = clicks(1, 1, 0);
    long first = append(batch);
    folder.fold(List.of(new AppendedBatch(first, T0, batch)), Set.of());
    long second = append(batch);
    folder.fold(List.of(new AppendedBatch(second, T0, batch)), Set.of());

    long firstFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + first);
    long secondFold = query("SELECT FOLD_NO FROM LT_CLICK_BATCH WHERE ID = " + second);
    assertEquals(firstFold + 1, secondFold);
    assertEquals(secondFold, query("SELECT LAST_NO FROM LT_FOLD"));
  }
}
