package io.linktrack.clicks.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every hour, deletes the click rows older than {@code linktrack.clicks.retentionDays}, in batches
 * of {@value #BATCH} rows, each in its own transaction, until none is left. Not persistent: a
 * missed run only delays the deletion to the next one. Running on every server at once is safe: a
 * row is deleted once, whichever server gets to it.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClickRetentionTimer {

  private static final Logger LOG = Logger.getLogger(ClickRetentionTimer.class.getName());

  static final int BATCH = 10_000;

  @Inject ClickRetention retention;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.retentionDays", defaultValue = "395")
  int retentionDays;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void deleteExpiredClicks() {
    if (retentionDays < 1) {
      LOG.warning("linktrack.clicks.retentionDays must be at least 1; no clicks deleted");
      return;
    }
    Instant cutoff = Instant.now().minus(Duration.ofDays(retentionDays));
    long deleted = 0;
    int batch;
    do {
      batch = retention.deleteBatch(cutoff, BATCH);
      deleted += batch;
    } while (batch == BATCH);
    if (deleted > 0) {
      LOG.info("Deleted " + deleted + " clicks recorded before " + cutoff);
    }
  }
}
