package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.AppendedBatch;
import io.linktrack.clicks.control.BotFilter;
import io.linktrack.clicks.control.BurstDetector;
import io.linktrack.clicks.control.ClickJournal;
import io.linktrack.clicks.control.ClickLedger;
import io.linktrack.clicks.control.Hit;
import io.linktrack.clicks.control.PendingClick;
import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.links.control.LinkDirectory;
import io.linktrack.links.control.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records clicks: every hit is appended to this server's {@link ClickJournal} (a local file) and
 * then answered, without waiting for the database; a writer thread takes what has gathered in the
 * journal to the database as one batch of click rows, while the next batch gathers. A 302 therefore
 * always means a click that survives the server process being killed, yet no request waits for a
 * database commit, and the database sees a few large inserts per second instead of one transaction
 * per click.
 *
 * <p>Counting is a second step: the folder thread takes committed batches and adds them to their
 * links' counters (several batches per transaction, exactly once: see {@link ClickLedger}).
 * Counters therefore trail a click by the burst window and one fold. Batches a stopped or killed
 * server stored but never folded are counted by {@link OrphanedClickSweep}; clicks it journaled but
 * never stored are stored by its writer when it starts again.
 *
 * <p>If the database is slow or down, recipients are redirected as always and their clicks wait in
 * the journal, on disk, until it answers again.
 *
 * <p>A plain CDI bean, not an enterprise bean: it sits on the hottest path and needs neither
 * transactions nor container locking (the journal serialises its appends itself).
 */
@ApplicationScoped
public class ClickRecorder {

  private static final Logger LOG = Logger.getLogger(ClickRecorder.class.getName());

  private static final int FOLD_BACKLOG = 10_000;
  private static final int BATCHES_PER_FOLD = 100;
  // Fewer, larger folds and appends: each is a commit (a WAL flush), and a fold costs one counter
  // update per link it touches however many clicks it brings. Nobody waits for either (the 302 went
  // out once the click was journaled); counters trail a click by these pauses more.
  private static final long FOLD_PAUSE_MILLIS = 1000;
  private static final long GATHER_MILLIS = 100;

  @Inject LinkDirectory directory;

  @Inject ClickLedger ledger;

  @Inject BotFilter bots;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.batch-size", defaultValue = "2000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "linktrack.bots.burst-window", defaultValue = "PT2S")
  Duration burstWindow;

  // server.xml: ${LINKTRACK_DATA_DIR}/click-journal
  @Inject
  @ConfigProperty(name = "linktrack.clicks.journal-dir")
  String journalDir;

  // Committed batches waiting to be counted. Bounded: a batch that finds it full is left to the
  // orphan sweep, which reads its clicks back from the database.
  private final BlockingQueue<AppendedBatch> toFold = new LinkedBlockingQueue<>(FOLD_BACKLOG);
  private ClickJournal journal;
  private Thread writer;
  private Thread folder;
  private volatile boolean running;
  private volatile boolean writing;

  /** Starts the writer with the application, not at the first click. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    journal.id();
  }

  @PostConstruct
  void startWriter() {
    Path dir = Path.of(journalDir);
    try {
      journal = ClickJournal.open(dir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open the click journal in " + dir, e);
    }
    // before any hit of this start: what a foreign journal held then is not this database's
    long openedEnd = journal.end();
    running = true;
    writing = true;
    folder = threads.newThread(this::foldBatches);
    folder.setName("linktrack-click-folder");
    folder.start();
    writer = threads.newThread(() -> writeBatches(openedEnd));
    writer.setName("linktrack-click-writer");
    writer.start();
  }

  /**
   * Records a hit on the code and answers its destination; empty for a code that is malformed or
   * unknown. Every hit (people's clicks, and previews' and scanners' hits, see {@link BotFilter})
   * is in the journal before this returns; only people's count as clicks.
   */
  public Optional<String> follow(String code, Hit hit) {
    Optional<LinkTarget> target = destinationOf(code);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Instant at = Instant.now();
    PendingClick click =
        PendingClick.of(
            target.get(),
            at,
            hit.userAgent(),
            hit.referrer(),
            AnonymizedAddress.of(hit.clientAddress()).orElse(null),
            bots.judge(hit, at, target.get().sentAt()).orElse(null));
    try {
      journal.append(click);
    } catch (IOException e) {
      // the disk is full or gone: reaching the destination matters more than the count
      LOG.log(Level.SEVERE, "Could not journal a click on " + code + "; redirecting without it", e);
    }
    return Optional.of(target.get().originalUrl());
  }

  private Optional<LinkTarget> destinationOf(String code) {
    return ShortCode.parse(code).flatMap(directory::resolve);
  }

  /** Takes the journal to the database, batch by batch, from where the database has it. */
  private void writeBatches(long openedEnd) {
    long position = resumePosition(openedEnd);
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
        long batchId = ledger.append(chunk.clicks(), journal.id(), chunk.end());
        position = chunk.end();
        if (!toFold.offer(new AppendedBatch(batchId, Instant.now(), chunk.clicks()))) {
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
        position = resumePosition(journal.end());
      }
    }
    long left = journal.end() - Math.max(position, 0);
    if (left > 0) {
      LOG.info(
          "Stopped with " + left + " bytes of clicks in the journal; stored at the next start");
    }
  }

  /**
   * Counts committed batches on their links, as many per transaction as have gathered. A batch is
   * counted once the burst window after it has passed: only then is it known whether its hits were
   * part of a scanner's burst (see {@link BurstDetector}). A fold that fails is retried with the
   * same batches; if the server stops first, the orphan sweep counts them.
   */
  private void foldBatches() {
    BurstDetector detector = new BurstDetector(burstWindow);
    Deque<AppendedBatch> waiting = new ArrayDeque<>();
    Deque<AppendedBatch> folded = new ArrayDeque<>(); // the window before the waiting ones
    List<AppendedBatch> ripe = new ArrayList<>(BATCHES_PER_FOLD);
    Set<PendingClick> bursts = Set.of();
    while (writing || !toFold.isEmpty() || !waiting.isEmpty() || !ripe.isEmpty()) {
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
          Instant ripeBefore = writing ? Instant.now().minus(burstWindow) : Instant.MAX;
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
        ledger.fold(ripe, bursts);
        folded.addAll(ripe);
        ripe.clear();
        // the hits a waiting batch can share a burst with: up to one window before it
        Instant forget = Instant.now().minus(burstWindow.multipliedBy(2));
        while (!folded.isEmpty() && folded.peek().appendedAt().isBefore(forget)) {
          folded.poll();
        }
        if (writing) {
          // Fewer, larger folds: every fold is a commit (a WAL flush) competing with the appends
          // that recipients wait for; counters may trail by this much more.
          Thread.sleep(FOLD_PAUSE_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Counting " + ripe.size() + " click batches failed; retrying", e);
        if (!writing || !pauseBeforeRetry()) {
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

  /**
   * Where this journal's clicks go on in the database, for a journal that stands at {@code end}; -1
   * if the server stopped first. Waits for the database (and its schema: the application may start
   * before the migration has run).
   */
  private long resumePosition(long end) {
    while (running) {
      try {
        boolean claimed = journal.claimed();
        OptionalLong position = ledger.resumePosition(journal.id(), end, claimed);
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

  @PreDestroy
  void drainAndStop() {
    running = false;
    try {
      writer.join(Duration.ofSeconds(30).toMillis());
      writing = false;
      folder.join(Duration.ofSeconds(10).toMillis());
      journal.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not close the click journal", e);
    }
  }
}
