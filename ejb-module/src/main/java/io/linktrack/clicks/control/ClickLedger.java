package io.linktrack.clicks.control;

import io.linktrack.clicks.control.DeviceDetector.Device;
import io.linktrack.clicks.entity.BotReason;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The click tables, in two steps. {@link #append} writes a batch of click rows: that is all a
 * redirect waits for. {@link #fold} then counts committed batches on their links, exactly once: a
 * fold claims each batch by stamping its fold number on it, in the same transaction as the counter
 * increments, and a batch already claimed (by another server's sweep) is skipped. Plain JDBC
 * batches, because this is the hot path: a thousand clicks cost a few round trips, not thousands of
 * entity loads.
 */
@ApplicationScoped
public class ClickLedger {

  private static final String INSERT_BATCH =
      "INSERT INTO LT_CLICK_BATCH (CLICKS, RECORDED_AT, JOURNAL_ID, JOURNAL_END) VALUES (?, ?, ?, ?)";

  private static final String JOURNAL_START = "SELECT STARTS_AT FROM LT_CLICK_JOURNAL WHERE ID = ?";
  // the latest batch, not the highest position: after a restart from openedEnd positions go back
  private static final String JOURNAL_STORED =
      "SELECT JOURNAL_END FROM LT_CLICK_BATCH WHERE JOURNAL_ID = ? ORDER BY ID DESC"
          + " FETCH FIRST 1 ROWS ONLY";
  private static final String RESTART_JOURNAL =
      "UPDATE LT_CLICK_JOURNAL SET STARTS_AT = ? WHERE ID = ?";
  private static final String REGISTER_JOURNAL =
      "INSERT INTO LT_CLICK_JOURNAL (ID, STARTS_AT, OPENED_AT) VALUES (?, ?, ?)";

  private static final String INSERT_CLICK =
      "INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, USER_AGENT, REFERRER,"
          + " CLIENT_ADDRESS, BATCH_ID, BOT, BOT_REASON, DEVICE_CLASS, OPERATING_SYSTEM, BROWSER)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // Locks the one LT_FOLD row until commit: folds run one at a time, and their numbers become
  // visible in the order they were handed out (what the click feed relies on).
  private static final String NEXT_FOLD = "UPDATE LT_FOLD SET LAST_NO = LAST_NO + 1 WHERE ID = 1";
  private static final String CURRENT_FOLD = "SELECT LAST_NO FROM LT_FOLD WHERE ID = 1";

  private static final String CLAIM_BATCH =
      "UPDATE LT_CLICK_BATCH SET FOLD_NO = ? WHERE ID = ? AND FOLD_NO IS NULL";

  // first click only moves back, last click only forward: right also when batches are folded out
  // of order (a late sweep of an orphaned batch).
  private static final String UPDATE_LINK =
      "UPDATE LT_LINK SET CLICKS = CLICKS + ?, BOT_CLICKS = BOT_CLICKS + ?,"
          + " FIRST_CLICK = CASE WHEN FIRST_CLICK IS NULL OR FIRST_CLICK > CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE FIRST_CLICK END,"
          + " LAST_CLICK = CASE WHEN LAST_CLICK IS NULL OR LAST_CLICK < CAST(? AS TIMESTAMP)"
          + " THEN CAST(? AS TIMESTAMP) ELSE LAST_CLICK END"
          + " WHERE ID = ?";

  // Hits of one link at the same instant in one batch share one verdict, so they need no row id.
  private static final String MARK_BURST =
      "UPDATE LT_CLICK SET BOT = TRUE, BOT_REASON = 'BURST'"
          + " WHERE BATCH_ID = ? AND LINK_ID = ? AND CLICKED_AT = ? AND BOT = FALSE";

  private static final String ORPHANS =
      "SELECT ID FROM LT_CLICK_BATCH WHERE FOLD_NO IS NULL AND RECORDED_AT < ? ORDER BY ID";

  private static final String UPDATE_LINK_BOTS =
      "UPDATE LT_LINK SET BOT_CLICKS = BOT_CLICKS + ? WHERE ID = ?";

  private static final String TALLIES_OF_BATCH =
      "SELECT LINK_ID, BOT, COUNT(*), MIN(CLICKED_AT), MAX(CLICKED_AT) FROM LT_CLICK"
          + " WHERE BATCH_ID = ? GROUP BY LINK_ID, BOT";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject DeviceDetector devices;

  /**
   * Stores the click rows of a batch read from a {@link ClickJournal} up to {@code journalEnd};
   * answers the batch's id, for {@link #fold}. The journal position commits with the rows: it is
   * where the journal's writer goes on after a crash, so no click is stored twice or skipped.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public long append(List<PendingClick> batch, String journalId, long journalEnd) {
    try (Connection connection = dataSource.getConnection()) {
      long batchId = insertBatch(connection, batch.size(), journalId, journalEnd);
      insertClicks(connection, batch, batchId);
      return batchId;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record " + batch.size() + " clicks", e);
    }
  }

  /**
   * Where the writer of a journal goes on: after the last batch stored from it, and never before
   * the position this database took the journal on at. A journal this database does not know is
   * taken on from its start if no database has claimed it yet (it holds only clicks of the start
   * that created it), or else from {@code openedEnd}, where it stood when this server opened it:
   * what it held before was journaled for another database. A journal that holds less than was
   * stored from it (its files were replaced) is likewise taken on from {@code openedEnd}. Empty
   * while the schema has no journal table yet.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public OptionalLong resumePosition(String journalId, long openedEnd, boolean claimedBefore) {
    try (Connection connection = dataSource.getConnection()) {
      if (!journalTableExists(connection)) {
        return OptionalLong.empty(); // the application started before the migration has run
      }
      Long start = firstLong(connection, JOURNAL_START, journalId);
      if (start == null) {
        long from = claimedBefore ? openedEnd : 0;
        try (PreparedStatement insert = connection.prepareStatement(REGISTER_JOURNAL)) {
          insert.setString(1, journalId);
          insert.setLong(2, from);
          insert.setTimestamp(3, Timestamp.from(Instant.now()));
          insert.executeUpdate();
        }
        return OptionalLong.of(from);
      }
      Long stored = firstLong(connection, JOURNAL_STORED, journalId);
      long resume = Math.max(start, stored == null ? 0 : stored);
      if (resume <= openedEnd) {
        return OptionalLong.of(resume);
      }
      try (PreparedStatement update = connection.prepareStatement(RESTART_JOURNAL)) {
        update.setLong(1, openedEnd);
        update.setString(2, journalId);
        update.executeUpdate();
      }
      return OptionalLong.of(openedEnd);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read the position of click journal " + journalId, e);
    }
  }

  private static boolean journalTableExists(Connection connection) throws SQLException {
    // Derby keeps unquoted names in upper case, PostgreSQL in lower case
    for (String name : List.of("LT_CLICK_JOURNAL", "lt_click_journal")) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Long firstLong(Connection connection, String sql, String parameter)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        long value = row.getLong(1);
        return row.wasNull() ? null : value;
      }
    }
  }

  /**
   * Counts appended batches on their links in one transaction; answers how many batches this fold
   * counted (others had been counted already). {@code bursts} are hits stored as people's that
   * turned out to be part of a burst: they are stored and counted as bot hits.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public int fold(List<AppendedBatch> batches, Set<PendingClick> bursts) {
    try (Connection connection = dataSource.getConnection()) {
      long foldNo = nextFold(connection);
      List<PendingClick> claimed = new ArrayList<>();
      int[] counts = claim(connection, foldNo, batches.stream().map(AppendedBatch::id).toList());
      try (PreparedStatement burst = connection.prepareStatement(MARK_BURST)) {
        for (int i = 0; i < batches.size(); i++) {
          if (counts[i] != 1) {
            continue;
          }
          for (PendingClick click : batches.get(i).clicks()) {
            if (bursts.contains(click)) {
              burst.setLong(1, batches.get(i).id());
              burst.setLong(2, click.target().linkId());
              burst.setTimestamp(3, Timestamp.from(click.at()));
              burst.addBatch();
              claimed.add(click.judged(BotReason.BURST));
            } else {
              claimed.add(click);
            }
          }
        }
        burst.executeBatch();
      }
      List<ClickTally> tallies = ClickTally.of(claimed, click -> click.target().linkId());
      CampaignCounters.apply(connection, tallies);
      addLinkCounters(connection, tallies);
      return claimedCount(counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count " + batches.size() + " click batches", e);
    }
  }

  /**
   * Counts the batches appended before {@code before} that no fold has claimed: those whose server
   * stopped (or died) between appending and folding them. Their tallies are read back from the
   * click rows. Answers how many batches it counted.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public int foldOrphans(Instant before, int limit) {
    try (Connection connection = dataSource.getConnection()) {
      List<Long> orphans = orphans(connection, before, limit);
      if (orphans.isEmpty()) {
        return 0;
      }
      long foldNo = nextFold(connection);
      int[] counts = claim(connection, foldNo, orphans);
      List<ClickTally> tallies = new ArrayList<>();
      for (int i = 0; i < orphans.size(); i++) {
        if (counts[i] == 1) {
          tallies.addAll(talliesOf(connection, orphans.get(i)));
        }
      }
      List<ClickTally> merged = ClickTally.merged(tallies);
      CampaignCounters.apply(connection, merged);
      addLinkCounters(connection, merged);
      return claimedCount(counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count orphaned click batches", e);
    }
  }

  private static long insertBatch(
      Connection connection, int clicks, String journalId, long journalEnd) throws SQLException {
    // by flag, not by column name: PostgreSQL would quote "ID" and miss its folded-case id column
    try (PreparedStatement insert =
        connection.prepareStatement(INSERT_BATCH, Statement.RETURN_GENERATED_KEYS)) {
      insert.setInt(1, clicks);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.setString(3, journalId);
      insert.setLong(4, journalEnd);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1); // ID is the table's first column
      }
    }
  }

  private void insertClicks(Connection connection, List<PendingClick> batch, long batchId)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_CLICK)) {
      for (PendingClick click : batch) {
        insert.setLong(1, click.target().linkId());
        if (click.target().messageId() == null) {
          insert.setNull(2, Types.BIGINT);
        } else {
          insert.setLong(2, click.target().messageId());
        }
        insert.setTimestamp(3, Timestamp.from(click.at()));
        insert.setString(4, click.userAgent());
        insert.setString(5, click.referrer());
        insert.setString(6, click.clientAddress());
        insert.setLong(7, batchId);
        insert.setBoolean(8, !click.human());
        insert.setString(9, click.human() ? null : click.bot().name());
        Device device = devices.of(click.userAgent());
        insert.setString(10, device.deviceClass());
        insert.setString(11, device.operatingSystem());
        insert.setString(12, device.browser());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static long nextFold(Connection connection) throws SQLException {
    try (PreparedStatement next = connection.prepareStatement(NEXT_FOLD);
        PreparedStatement current = connection.prepareStatement(CURRENT_FOLD)) {
      next.executeUpdate();
      try (ResultSet row = current.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Update counts per batch: 1 where this fold claimed it, 0 where another fold had. */
  private static int[] claim(Connection connection, long foldNo, List<Long> batchIds)
      throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM_BATCH)) {
      for (long id : batchIds) {
        claim.setLong(1, foldNo);
        claim.setLong(2, id);
        claim.addBatch();
      }
      return claim.executeBatch();
    }
  }

  private static int claimedCount(int[] counts) {
    return (int) Arrays.stream(counts).filter(count -> count == 1).count();
  }

  private static List<Long> orphans(Connection connection, Instant before, int limit)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ORPHANS)) {
      select.setTimestamp(1, Timestamp.from(before));
      select.setMaxRows(limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }
  }

  private static List<ClickTally> talliesOf(Connection connection, long batchId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(TALLIES_OF_BATCH)) {
      select.setLong(1, batchId);
      List<ClickTally> tallies = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long link = rows.getLong(1);
          int count = rows.getInt(3);
          tallies.add(
              rows.getBoolean(2)
                  ? new ClickTally(link, 0, count, null, null)
                  : new ClickTally(
                      link,
                      count,
                      0,
                      rows.getTimestamp(4).toInstant(),
                      rows.getTimestamp(5).toInstant()));
        }
      }
      return tallies;
    }
  }

  private static void addLinkCounters(Connection connection, List<ClickTally> tallies)
      throws SQLException {
    try (PreparedStatement people = connection.prepareStatement(UPDATE_LINK);
        PreparedStatement bots = connection.prepareStatement(UPDATE_LINK_BOTS)) {
      boolean anyPeople = false;
      boolean anyBots = false;
      for (ClickTally tally : tallies) {
        if (tally.clicks() > 0) {
          people.setInt(1, tally.clicks());
          people.setInt(2, tally.botClicks());
          people.setTimestamp(3, Timestamp.from(tally.first()));
          people.setTimestamp(4, Timestamp.from(tally.first()));
          people.setTimestamp(5, Timestamp.from(tally.last()));
          people.setTimestamp(6, Timestamp.from(tally.last()));
          people.setLong(7, tally.id());
          people.addBatch();
          anyPeople = true;
        } else if (tally.botClicks() > 0) {
          bots.setInt(1, tally.botClicks());
          bots.setLong(2, tally.id());
          bots.addBatch();
          anyBots = true;
        }
      }
      if (anyPeople) {
        people.executeBatch();
      }
      if (anyBots) {
        bots.executeBatch();
      }
    }
  }
}
