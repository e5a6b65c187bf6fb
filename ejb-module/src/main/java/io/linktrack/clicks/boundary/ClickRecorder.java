package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.ClickLedger;
import io.linktrack.clicks.control.PendingClick;
import io.linktrack.clicks.entity.AnonymizedAddress;
import io.linktrack.links.control.LinkDirectory;
import io.linktrack.links.control.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records clicks with group commit. A click joins the queue; one writer thread commits whatever has
 * gathered as one batch while the next batch gathers; the recipient's redirect is released when the
 * batch holding their click has committed. A 302 therefore always means a durable click, yet the
 * database sees a few large transactions per second instead of one per click.
 *
 * <p>If the database is slow or down, a recipient waits at most {@code linktrack.clicks.max-wait}
 * and is redirected anyway: reaching the destination matters more than the count. Their click
 * stays queued and is written once the database answers again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClickRecorder {

  private static final Logger LOG = Logger.getLogger(ClickRecorder.class.getName());

  @Inject LinkDirectory directory;

  @Inject ClickLedger ledger;

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

  private BlockingQueue<PendingClick> pending;
  private volatile boolean running;
  private Thread writer;

  @PostConstruct
  void startWriter() {
    pending = new LinkedBlockingQueue<>(queueCapacity);
    running = true;
    writer = threads.newThread(this::writeBatches);
    writer.setName("linktrack-click-writer");
    writer.start();
  }

  /**
   * Counts a click on the code and answers its destination once the click is durable; empty for a
   * code that is malformed or unknown.
   */
  public Optional<CompletionStage<String>> follow(
      String code, String userAgent, String referrer, String clientAddress) {
    Optional<LinkTarget> target = destinationOf(code);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    String url = target.get().originalUrl();
    PendingClick click =
        PendingClick.of(
            target.get(),
            Instant.now(),
            userAgent,
            referrer,
            AnonymizedAddress.of(clientAddress).orElse(null));
    if (!running || !pending.offer(click)) {
      LOG.warning("Click queue full or closed: redirecting without recording a click on " + code);
      return Optional.of(CompletableFuture.completedFuture(url));
    }
    return Optional.of(
        click
            .committed()
            .completeOnTimeout(null, maxWait.toMillis(), TimeUnit.MILLISECONDS)
            .thenApply(committed -> url));
  }

  /** The destination without counting a click: HEAD requests and link previews. */
  public Optional<String> peek(String code) {
    return destinationOf(code).map(LinkTarget::originalUrl);
  }

  private Optional<LinkTarget> destinationOf(String code) {
    return ShortCode.parse(code).flatMap(directory::resolve);
  }

  private void writeBatches() {
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
        ledger.record(batch);
        batch.forEach(click -> click.committed().complete(null));
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
