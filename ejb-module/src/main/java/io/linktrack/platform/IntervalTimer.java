package io.linktrack.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The skeleton of a background job that runs every configured interval: the timer is created at
 * start (a persistent one kept if its interval is unchanged, replaced otherwise), a run still going
 * covers the next tick (a backlog is worked off by one run, not piled up), and the run itself is
 * outside a transaction, so the timer store's update never shares one with the work (no two-phase
 * commit); the work commits in transactions of its own. A subclass is a {@code @Singleton @Startup}
 * bean with bean-managed concurrency that names its interval and does one run.
 */
public abstract class IntervalTimer {

  @Resource TimerService timers;

  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * What runs ("rule passes"), how often ({@code interval}, configured as {@code property}),
   * whether the timer is stored, and the timer's info (with a persistent timer, what identifies it
   * after a restart).
   */
  public record Schedule(
      String runs, String property, Duration interval, boolean persistent, String info) {}

  protected abstract Schedule schedule();

  /** One run: the whole backlog, in as many transactions as the work needs. */
  protected abstract void run();

  @PostConstruct
  protected void start() {
    Schedule schedule = schedule();
    Duration interval = schedule.interval();
    if (interval.isNegative() || interval.toMillis() < 100) {
      throw new IllegalStateException(
          schedule.property() + " must be at least 0.1 s, not " + interval);
    }
    if (!schedule.persistent()) {
      // nothing is stored: each start creates the timer afresh
      create(schedule);
      return;
    }
    boolean scheduled = false;
    for (Timer timer : timers.getTimers()) {
      if (!scheduled && schedule.info().equals(timer.getInfo())) {
        scheduled = true;
      } else {
        timer.cancel();
      }
    }
    if (!scheduled) {
      create(schedule);
      Logger.getLogger(getClass().getName())
          .info("Scheduled " + schedule.runs() + " every " + interval);
    }
  }

  private void create(Schedule schedule) {
    long millis = schedule.interval().toMillis();
    timers.createIntervalTimer(
        millis, millis, new TimerConfig(schedule.info(), schedule.persistent()));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  protected void tick(Timer timer) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      run();
    } finally {
      running.set(false);
    }
  }
}
