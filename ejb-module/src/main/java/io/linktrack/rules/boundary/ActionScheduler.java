package io.linktrack.rules.boundary;

import io.linktrack.platform.IntervalTimer;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries out due alert actions every {@code linktrack.actions.interval}. Not persistent: what is
 * due is in the database, so the first run after a restart finds every retry that was waiting.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActionScheduler extends IntervalTimer {

  @Inject ActionDelivery delivery;

  @Inject
  @ConfigProperty(name = "linktrack.actions.interval", defaultValue = "PT5S")
  Duration interval;

  @Override
  protected Schedule schedule() {
    return new Schedule(
        "alert actions", "linktrack.actions.interval", interval, false, "alert actions");
  }

  /** Batch after batch while whole batches come back: a backlog. */
  @Override
  protected void run() {
    while (delivery.deliverDue() >= ActionDelivery.BATCH) {
      // a backlog: keep going
    }
  }
}
