package io.linktrack.clicks.control;

import io.linktrack.clicks.control.DeviceDetector.Device;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The writer stage: a thread that takes what has gathered in this server's {@link ClickJournal} to
 * the database as one batch of click rows ({@link #append}), while the next batch gathers, and
 * hands each committed batch to the {@link ClickFolder}. The database sees a few large inserts per
 * second instead of one transaction per click, and no recipient waits for any of them.
 *
 * <p>The journal position commits with the rows: after a restart (or a kill) the writer goes on
 * from where the database has the journal ({@link #resumePosition}), so no click is stored twice or
 * skipped. If the database is slow or down, clicks wait in the journal, on disk, until it answers.
 *
 * <p>Plain JDBC batches, because this is the hot path: a thousand clicks cost a few round trips,
 * not thousands of entity loads.
 */
@ApplicationScoped
public class ClickWriter {

  private static final Logger LOG = Logger.getLogger(ClickWriter.class.getName());

  // Fewer, larger appends: each is a commit (a WAL flush). Nobody waits for it (the 302 went out
  // once the click was journaled).
  private static final long GATHER_MILLIS = 100;

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

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  @Inject DeviceDetector devices;

  @Inject ClickFolder folder;

  // the thread's appends go through the container, so that each is a transaction
  @Inject ClickWriter self;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.batch-size", defaultValue = "2000")
  int batchSize;

  // server.xml: ${LINKTRACK_DATA_DIR}/click-journal
  @Inject
  @ConfigProperty(name = "linktrack.clicks.journal-dir")
  String journalDir;

  private ClickJournal journal;
  private ClickFolder.Running folding;
  private Thread writer;
  private volatile boolean running;

  @PostConstruct
  void start() {
    Path dir = Path.of(journalDir);
    try {
      journal = ClickJournal.open(dir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open the click journal in " + dir, e);
    }
    // before any hit of this start: what a foreign journal held then is not this database's
    long openedEnd = journal.end();
    running = true;
    folding = folder.start();
    writer = threads.newThread(() -> writeBatches(openedEnd));
    writer.setName("linktrack-click-writer");
    writer.start();
  }

  /** Starts the writer with the application, not at the first click. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    journal.id();
  }

  /** This server's journal, where the request stage puts every hit before answering it. */
  public ClickJournal journal() {
    return journal;
  }

  /** Takes the journal to the database, batch by batch, from where the database has it. */
  private void writeBatches(long openedEnd) {
    long position = resumeFrom(openedEnd);
    if (position >= 0 && position < openedEnd) {
      LOG.info(
          "Storing the clicks journaled before the last stop ("
              + (openedEnd - position)
              + " bytes of the journal)");
    }
    while (position >= 0 && (running || position < journal.end())) {
      try {
        ClickJournal.Chunk chunk = journal.read(position, batchSize);
        if (chunk.clicks().isEmpty()) {
          Thread.sleep(GATHER_MILLIS);
          continue;
        }
        long batchId = self.append(chunk.clicks(), journal.id(), chunk.end());
        position = chunk.end();
        if (!folding.offer(new AppendedBatch(batchId, Instant.now(), chunk.clicks()))) {
          LOG.warning("Click batch " + batchId + " left to the orphan sweep: folding is behind");
        }
        journal.release(position);
        if (chunk.clicks().size() < batchSize && running) {
          Thread.sleep(GATHER_MILLIS); // let the next batch gather
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (IOException | RuntimeException e) {
        // Keep the position and try again: the clicks stay in the journal until they are stored.
        LOG.log(Level.WARNING, "Recording clicks from the journal failed; retrying", e);
        if (!running || !pauseBeforeRetry()) {
          break;
        }
        // a commit whose answer was lost still counts: go on from what the database has
        position = resumeFrom(journal.end());
      }
    }
    long left = journal.end() - Math.max(position, 0);
    if (left > 0) {
      LOG.info(
          "Stopped with " + left + " bytes of clicks in the journal; stored at the next start");
    }
  }

  /**
   * Where this journal's clicks go on in the database, for a journal that stands at {@code end}; -1
   * if the server stopped first. Waits for the database (and its schema: the application may start
   * before the migration has run).
   */
  private long resumeFrom(long end) {
    while (running) {
      try {
        boolean claimed = journal.claimed();
        OptionalLong position = self.resumePosition(journal.id(), end, claimed);
        if (position.isPresent()) {
          journal.markClaimed();
          return position.getAsLong();
        }
        if (!pauseBeforeRetry()) {
          break;
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "The click journal waits for the database", e);
        if (!pauseBeforeRetry()) {
          break;
        }
      }
    }
    return -1;
  }

  private boolean pauseBeforeRetry() {
    try {
      Thread.sleep(500);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stores what is journaled (up to 30 s of it), then lets the folder count what was stored. */
  @PreDestroy
  void drainAndStop() {
    running = false;
    try {
      writer.join(Duration.ofSeconds(30).toMillis());
      folding.finish();
      journal.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not close the click journal", e);
    }
  }

  /**
   * Stores the click rows of a batch read from a {@link ClickJournal} up to {@code journalEnd};
   * answers the batch's id, for the {@link ClickFolder}. The journal position commits with the
   * rows: it is where the journal's writer goes on after a crash, so no click is stored twice or
   * skipped.
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
}
