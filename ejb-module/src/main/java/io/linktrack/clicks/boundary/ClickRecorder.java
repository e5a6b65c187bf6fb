package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.AppendedBatch;
import io.linktrack.clicks.control.BotFilter;
import io.linktrack.clicks.control.BurstDetector;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records clicks with group commit, then counts them. A click joins the queue; a writer thread
 * appends whatever has gathered as one batch of click rows while the next batch gathers; the
 * recipient's redirect is released when the batch holding their click has committed. A 302
 * therefore always means a durable click, yet the database sees a few large inserts per second
 * instead of one transaction per click.
 *
 * <p>Counting is a second step, off the redirect's path: the folder thread takes committed batches
 * and adds them to their links' counters (several batches per transaction, exactly once: see {@link
 * ClickLedger}). Counters therefore trail a click by the time of one fold, normally a few
 * milliseconds. Batches a stopped or killed server appended but never folded are counted by {@link
 * OrphanedClickSweep}.
 *
 * <p>One writer by default (fewest, largest commits: docs/performance.md). With more ({@code
 * linktrack.clicks.writers}) each has a queue of its own, sharded by message.
 *
 * <p>If the database is slow or down, a recipient waits at most {@code linktrack.clicks.max-wait}
 * and is redirected anyway: reaching the destination matters more than the count. Their click stays
 * queued and is written once the database answers again.
 *
 * <p>A plain CDI bean, not an enterprise bean: it sits on the hottest path and needs neither
 * transactions nor container locking (the queues are thread-safe).
 */
@ApplicationScoped
public class ClickRecorder {

  private static final Logger LOG = Logger.getLogger(ClickRecorder.class.getName());

  private static final int FOLD_BACKLOG = 10_000;
  private static final int BATCHES_PER_FOLD = 100;
  private static final long FOLD_PAUSE_MILLIS = 250;

  @Inject LinkDirectory directory;

  @Inject ClickLedger ledger;

  @Inject BotFilter bots;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.batch-size", defaultValue = "2000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.max-wait", defaultValue = "PT2S")
  Duration maxWait;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.queue-capacity", defaultValue = "200000")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.writers", defaultValue = "1")
  int writerCount;

  @Inject
  @ConfigProperty(name = "linktrack.bots.burst-window", defaultValue = "PT2S")
  Duration burstWindow;

  // Committed batches waiting to be counted. Bounded: a batch that finds it full is left to the
  // orphan sweep, which reads its clicks back from the database.
  private final BlockingQueue<AppendedBatch> toFold = new LinkedBlockingQueue<>(FOLD_BACKLOG);
  private final List<BlockingQueue<PendingClick>> shards = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();
  private Thread folder;
  private volatile boolean running;
  private volatile boolean writing;

  /** Starts the writers with the application, not at the first click. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    writers.size();
  }

  @PostConstruct
  void startWriters() {
    running = true;
    writing = true;
    folder = threads.newThread(this::foldBatches);
    folder.setName("linktrack-click-folder");
    folder.start();
    int count = Math.max(1, writerCount);
    for (int i = 0; i < count; i++) {
      BlockingQueue<PendingClick> shard = new LinkedBlockingQueue<>(queueCapacity / count);
      Thread writer = threads.newThread(() -> writeBatches(shard));
      writer.setName("linktrack-click-writer-" + i);
      shards.add(shard);
      writers.add(writer);
      writer.start();
    }
  }

  private BlockingQueue<PendingClick> shardOf(LinkTarget target) {
    long key = target.messageId() != null ? target.messageId() : target.linkId();
    return shards.get((int) Math.floorMod(key, (long) shards.size()));
  }

  /**
   * Records a hit on the code and answers its destination; empty for a code that is malformed or
   * unknown. A person's click is answered once it is durable; a bot's hit (previews, scanners: see
   * {@link BotFilter}) is stored for audit but answered at once, and counts only as a bot click.
   *
   * <p>The calling thread waits for the commit. Handing the answer back asynchronously from the
   * writer thread was measured to cost far more (a resumed JAX-RS response is dispatched again)
   * than a short wait on the request thread.
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
    if (!running || !shardOf(target.get()).offer(click)) {
      LOG.warning("Click queue full or closed: redirecting without recording a click on " + code);
    } else if (click.human()) {
      awaitCommit(click);
    }
    return Optional.of(target.get().originalUrl());
  }

  private void awaitCommit(PendingClick click) {
    try {
      click.committed().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the database is slow or down: the click stays queued, the recipient goes on
    } catch (ExecutionException e) {
      throw new IllegalStateException("Click recording failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<LinkTarget> destinationOf(String code) {
    return ShortCode.parse(code).flatMap(directory::resolve);
  }

  private void writeBatches(BlockingQueue<PendingClick> pending) {
    List<PendingClick> batch = new ArrayList<>(batchSize);
    while (running || !pending.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          PendingClick first = pending.poll(100, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          pending.drainTo(batch, batchSize - 1);
        }
        long batchId = ledger.append(batch);
        batch.forEach(click -> click.committed().complete(null));
        if (!toFold.offer(new AppendedBatch(batchId, Instant.now(), List.copyOf(batch)))) {
          LOG.warning("Click batch " + batchId + " left to the orphan sweep: folding is behind");
        }
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        // Keep the batch and try again: these recipients may already be on their way, and their
        // clicks must still be counted.
        LOG.log(Level.WARNING, "Recording " + batch.size() + " clicks failed; retrying", e);
        if (!running || !pauseBeforeRetry()) {
          break;
        }
      }
    }
    int lost = batch.size() + pending.size();
    if (lost > 0) {
      LOG.severe("Stopped with " + lost + " clicks not recorded");
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
      for (Thread writer : writers) {
        writer.join(Duration.ofSeconds(30).toMillis());
      }
      writing = false;
      folder.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
