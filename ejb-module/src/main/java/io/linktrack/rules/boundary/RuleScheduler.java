package io.linktrack.rules.boundary;

import io.linktrack.rules.boundary.RulePasses.SliceResult;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a rule pass every {@code linktrack.rules.interval}. The timer is persistent (stored in the
 * application's database, see includes/timers.xml): a pass missed while the server was down runs
 * once when it is back. A changed interval replaces the stored timer at start.
 *
 * <p>The timeout runs outside a transaction, so the timer store's update and a pass never share one
 * (no two-phase commit); each slice of a pass commits on its own, position included.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RuleScheduler {

  private static final Logger LOG = Logger.getLogger(RuleScheduler.class.getName());

  @Resource TimerService timers;

  @Inject RulePasses passes;

  @Inject
  @ConfigProperty(name = "linktrack.rules.interval", defaultValue = "PT15S")
  Duration interval;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    if (interval.isNegative() || interval.toMillis() < 100) {
      throw new IllegalStateException(
          "linktrack.rules.interval must be at least 0.1 s, not " + interval);
    }
    String info = "rule pass every " + interval;
    boolean scheduled = false;
    for (Timer timer : timers.getTimers()) {
      if (!scheduled && info.equals(timer.getInfo())) {
        scheduled = true;
      } else {
        timer.cancel();
      }
    }
    if (!scheduled) {
      timers.createIntervalTimer(
          interval.toMillis(), interval.toMillis(), new TimerConfig(info, true));
      LOG.info("Scheduled rule passes every " + interval);
    }
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void pass(Timer timer) {
    // a pass still running (a backlog) covers this one
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      SliceResult slice;
      do {
        slice = passes.nextSlice();
      } while (slice.more());
    } finally {
      running.set(false);
    }
  }
}
