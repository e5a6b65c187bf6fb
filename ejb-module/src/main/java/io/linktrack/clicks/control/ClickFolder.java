package io.linktrack.clicks.control;

import io.linktrack.campaigns.boundary.CampaignCounters;
import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.boundary.LinkCounters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder stage, where a click is counted: a thread takes the batches the {@link ClickWriter}
 * stored and folds them into their links' and campaigns' counters, several batches per transaction
 * ({@link #fold}). Batches a stopped or killed server stored but never folded are folded the same
 * way by the orphan sweep ({@link #foldOrphans}).
 *
 * <p>Exactly once: a fold takes the {@code LT_FOLD} lock and a fold number, and claims each batch
 * by stamping that number on it in the same transaction as the counter increments; a batch already
 * claimed (by another server's sweep) is skipped. Fold numbers commit in the order they were handed
 * out, which is what the click feed reads rules' clicks by.
 *
 * <p>Counters therefore trail a click by the burst window and one fold: only once the window after
 * a hit has passed is it known whether it was part of a scanner's burst (see {@link
 * BurstDetector}); such hits are stored and counted as bot hits.
 */
@ApplicationScoped
public class ClickFolder {

  private static final Logger LOG = Logger.getLogger(ClickFolder.class.getName());

  private static final int FOLD_BACKLOG = 10_000;
  private static final int BATCHES_PER_FOLD = 100;
  // Fewer, larger folds: each is a commit (a WAL flush) competing with the appends, and a fold
  // costs
  // one counter update per link it touches however many clicks it brings. Counters may trail by
  // this much more; nobody waits for them.
  private static final long FOLD_PAUSE_MILLIS = 1000;

  // Locks the one LT_FOLD row until commit: folds run one at a time, and their numbers become
  // visible in the order they were handed out (what the click feed relies on).
  private static final String NEXT_FOLD = "UPDATE LT_FOLD SET LAST_NO = LAST_NO + 1 WHERE ID = 1";
  private static final String CURRENT_FOLD = "SELECT LAST_NO FROM LT_FOLD WHERE ID = 1";

  private static final String CLAIM_BATCH =
      "UPDATE LT_CLICK_BATCH SET FOLD_NO = ? WHERE ID = ? AND FOLD_NO IS NULL";

  // Hits of one link at the same instant in one batch share one verdict, so they need no row id.
  private static final String MARK_BURST =
      "UPDATE LT_CLICK SET BOT = TRUE, BOT_REASON = 'BURST'"
          + " WHERE BATCH_ID = ? AND LINK_ID = ? AND CLICKED_AT = ? AND BOT = FALSE";

  private static final String ORPHANS =
      "SELECT ID FROM LT_CLICK_BATCH WHERE FOLD_NO IS NULL AND RECORDED_AT < ? ORDER BY ID";

  private static final String TALLIES_OF_BATCH =
      "SELECT LINK_ID, BOT, COUNT(*), MIN(CLICKED_AT), MAX(CLICKED_AT) FROM LT_CLICK"
          + " WHERE BATCH_ID = ? GROUP BY LINK_ID, BOT";

  @Resource(lookup = "jdbc/linktrack")
  DataSource dataSource;

  // the thread's folds go through the container, so that each is a transaction
  @Inject ClickFolder self;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "linktrack.bots.burst-window", defaultValue = "PT2S")
  Duration burstWindow;

  /**
   * The folder thread of this server, as the writer hands it batches and finally stops it. Held by
   * the writer itself (not through the container), so stopping works whatever the container has
   * already shut down.
   */
  public final class Running {

    // Committed batches waiting to be counted. Bounded: a batch that finds it full is left to the
    // orphan sweep, which reads its clicks back from the database.
    private final BlockingQueue<AppendedBatch> toFold = new LinkedBlockingQueue<>(FOLD_BACKLOG);
    private final Thread thread;
    private volatile boolean writing = true;

    private Running() {
      thread = threads.newThread(() -> foldBatches(this));
      thread.setName("linktrack-click-folder");
      thread.start();
    }

    /** Hands a committed batch over; false when the folder is too far behind to take it. */
    public boolean offer(AppendedBatch batch) {
      return toFold.offer(batch);
    }

    /** The writer has stopped: fold what is left without waiting for the burst window. */
    public void finish() throws InterruptedException {
      writing = false;
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }

  /** Starts the folder thread; the writer stage starts it once, with itself. */
  public Running start() {
    return new Running();
  }

  /**
   * Counts committed batches, as many per transaction as have gathered. A batch is counted once the
   * burst window after it has passed. A fold that fails is retried with the same batches; if the
   * server stops first, the orphan sweep counts them.
   */
  private void foldBatches(Running running) {
    BlockingQueue<AppendedBatch> toFold = running.toFold;
    BurstDetector detector = new BurstDetector(burstWindow);
    Deque<AppendedBatch> waiting = new ArrayDeque<>();
    Deque<AppendedBatch> folded = new ArrayDeque<>(); // the window before the waiting ones
    List<AppendedBatch> ripe = new ArrayList<>(BATCHES_PER_FOLD);
    Set<PendingClick> bursts = Set.of();
    while (running.writing || !toFold.isEmpty() || !waiting.isEmpty() || !ripe.isEmpty()) {
      try {
        if (ripe.isEmpty()) {
          if (waiting.isEmpty()) {
            AppendedBatch first = toFold.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
              continue;
            }
            waiting.add(first);
          }
          toFold.drainTo(waiting);
          Instant ripeBefore = running.writing ? Instant.now().minus(burstWindow) : Instant.MAX;
          while (!waiting.isEmpty()
              && ripe.size() < BATCHES_PER_FOLD
              && !waiting.peek().appendedAt().isAfter(ripeBefore)) {
            ripe.add(waiting.poll());
          }
          if (ripe.isEmpty()) {
            Thread.sleep(20);
            continue;
          }
          bursts = detector.bursts(clicksOf(ripe), around(folded, ripe, waiting));
        }
        self.fold(ripe, bursts);
        folded.addAll(ripe);
        ripe.clear();
        // the hits a waiting batch can share a burst with: up to one window before it
        Instant forget = Instant.now().minus(burstWindow.multipliedBy(2));
        while (!folded.isEmpty() && folded.peek().appendedAt().isBefore(forget)) {
          folded.poll();
        }
        if (running.writing) {
          Thread.sleep(FOLD_PAUSE_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Counting " + ripe.size() + " click batches failed; retrying", e);
        if (!running.writing || !pauseBeforeRetry()) {
          break;
        }
      }
    }
    int left = ripe.size() + waiting.size() + toFold.size();
    if (left > 0) {
      LOG.info("Stopped with " + left + " click batches not yet counted; the orphan sweep will");
    }
  }

  private static List<PendingClick> clicksOf(Collection<AppendedBatch> batches) {
    return batches.stream().flatMap(batch -> batch.clicks().stream()).toList();
  }

  /** The hits of all the batches, read lazily (the burst check rarely needs them). */
  @SafeVarargs
  private static Iterable<PendingClick> around(Collection<AppendedBatch>... batches) {
    return () ->
        Arrays.stream(batches)
            .flatMap(Collection::stream)
            .flatMap(batch -> batch.clicks().stream())
            .iterator();
  }

  private static boolean pauseBeforeRetry() {
    try {
      Thread.sleep(500);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Counts appended batches in one transaction; answers how many batches this fold counted (others
   * had been counted already). {@code bursts} are hits stored as people's that turned out to be
   * part of a burst: they are marked, and counted, as bot hits.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public int fold(List<AppendedBatch> batches, Set<PendingClick> bursts) {
    try (Connection connection = dataSource.getConnection()) {
      int[] counts = claim(connection, batches.stream().map(AppendedBatch::id).toList());
      List<PendingClick> claimed = new ArrayList<>();
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
      count(connection, ClickTally.of(claimed, click -> click.target().linkId()));
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
      int[] counts = claim(connection, orphans);
      List<ClickTally> tallies = new ArrayList<>();
      for (int i = 0; i < orphans.size(); i++) {
        if (counts[i] == 1) {
          tallies.addAll(talliesOf(connection, orphans.get(i)));
        }
      }
      count(connection, ClickTally.merged(tallies));
      return claimedCount(counts);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count orphaned click batches", e);
    }
  }

  /**
   * Takes the next fold number (and with it the fold lock), and claims the batches for it. Update
   * counts per batch: 1 where this fold claimed it, 0 where another fold had.
   */
  private static int[] claim(Connection connection, List<Long> batchIds) throws SQLException {
    long foldNo = nextFold(connection);
    try (PreparedStatement claim = connection.prepareStatement(CLAIM_BATCH)) {
      for (long id : batchIds) {
        claim.setLong(1, foldNo);
        claim.setLong(2, id);
        claim.addBatch();
      }
      return claim.executeBatch();
    }
  }

  /** The counting itself: the claimed clicks' tallies onto campaigns' and links' counters. */
  private static void count(Connection connection, List<ClickTally> tallies) throws SQLException {
    moveCampaignCounters(connection, tallies);
    LinkCounters.add(
        connection,
        tallies.stream()
            .map(
                tally ->
                    new LinkCounters.Move(
                        tally.id(), tally.clicks(), tally.botClicks(), tally.first(), tally.last()))
            .toList());
  }

  /**
   * Moves the report counters of the campaigns the links belong to, before the links' own counters
   * move: whether a link or a message becomes clicked is read from the counters as they were. Folds
   * and rescoring both call it under the fold lock.
   */
  static void moveCampaignCounters(Connection connection, List<ClickTally> tallies)
      throws SQLException {
    Map<Long, ClickTally> byLink = new HashMap<>();
    tallies.forEach(tally -> byLink.put(tally.id(), tally));
    List<LinkCounters.CampaignLink> links = LinkCounters.campaignLinks(connection, byLink.keySet());
    if (links.isEmpty()) {
      return;
    }
    Set<Long> messagesMoved = new HashSet<>();
    for (LinkCounters.CampaignLink link : links) {
      if (link.messageId() != null && byLink.get(link.linkId()).clicks() != 0) {
        messagesMoved.add(link.messageId());
      }
    }
    Map<Long, Long> messageClicksBefore = LinkCounters.messageClicks(connection, messagesMoved);
    List<CampaignCounters.LinkMove> moves = new ArrayList<>();
    for (LinkCounters.CampaignLink link : links) {
      ClickTally move = byLink.get(link.linkId());
      moves.add(
          new CampaignCounters.LinkMove(
              link.campaignId(),
              link.messageId(),
              link.originalUrl(),
              link.clicks(),
              move.clicks(),
              move.botClicks()));
    }
    CampaignCounters.apply(connection, moves, messageClicksBefore);
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
}
