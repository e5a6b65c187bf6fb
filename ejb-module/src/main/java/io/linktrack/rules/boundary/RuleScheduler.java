package io.linktrack.rules.boundary;

import io.linktrack.platform.IntervalTimer;
import io.linktrack.rules.boundary.RulePasses.SliceResult;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a rule pass every {@code linktrack.rules.interval}. The timer is persistent (stored in the
 * application's database, see includes/timers.xml): a pass missed while the server was down runs
 * once when it is back. A changed interval replaces the stored timer at start.
 *
 * <p>The timeout runs outside a transaction ({@link IntervalTimer}), so the timer store's update
 * and a pass never share one (no two-phase commit); each slice of a pass commits on its own,
 * position included.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RuleScheduler extends IntervalTimer {

  @Inject RulePasses passes;

  @Inject
  @ConfigProperty(name = "linktrack.rules.interval", defaultValue = "PT15S")
  Duration interval;

  @Override
  protected Schedule schedule() {
    return new Schedule(
        "rule passes", "linktrack.rules.interval", interval, true, "rule pass every " + interval);
  }

  /** Slice after slice until the feed is caught up; a pass still running covers the next tick. */
  @Override
  protected void run() {
    SliceResult slice;
    do {
      slice = passes.nextSlice();
    } while (slice.more());
  }
}
