package io.linktrack.clicks.boundary;

import io.linktrack.clicks.control.ClickFolder;
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
 * Every 15 seconds, counts the click batches that were stored but never counted on their links:
 * their server stopped or died between the two steps. Batches younger than {@code
 * linktrack.clicks.orphan-after} are left to the server that wrote them. Running on every server at
 * once is safe: a batch is counted by whichever fold claims it first, once. Not persistent: a
 * missed run changes nothing, the next one finds the same batches.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanedClickSweep {

  private static final Logger LOG = Logger.getLogger(OrphanedClickSweep.class.getName());
  private static final int BATCHES_PER_RUN = 200;

  @Inject ClickFolder folder;

  @Inject
  @ConfigProperty(name = "linktrack.clicks.orphan-after", defaultValue = "PT30S")
  Duration orphanAfter;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    int counted = folder.foldOrphans(Instant.now().minus(orphanAfter), BATCHES_PER_RUN);
    if (counted > 0) {
      LOG.info("Counted " + counted + " click batches left uncounted by a stopped server");
    }
  }
}
