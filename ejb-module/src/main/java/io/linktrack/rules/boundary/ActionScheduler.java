package io.linktrack.rules.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries out due alert actions every {@code linktrack.actions.interval}. Not persistent: what is
 * due is in the database, so the first run after a restart finds every retry that was waiting.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActionScheduler {

  @Resource TimerService timers;

  @Inject ActionDelivery delivery;

  @Inject
  @ConfigProperty(name = "linktrack.actions.interval", defaultValue = "PT5S")
  Duration interval;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (interval.isNegative() || interval.toMillis() < 100) {
      throw new IllegalStateException(
          "linktrack.actions.interval must be at least 0.1 s, not " + interval);
    }
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("alert actions", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void deliver(Timer timer) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      while (delivery.deliverDue() >= ActionDelivery.BATCH) {
        // a backlog: keep going
      }
    } finally {
      running.set(false);
    }
  }
}
