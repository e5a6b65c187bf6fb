package io.linktrack.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer skeleton both rule schedulers share, on a timer service that only records calls. */
class IntervalTimerTest {

  /** Timers the service holds (by info), and what was created and cancelled. */
  private final List<String> stored = new ArrayList<>();

  private final List<String> created = new ArrayList<>();
  private final List<String> cancelled = new ArrayList<>();

  private Timer timer(String info) {
    return (Timer)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Timer.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getInfo" -> info;
                  case "cancel" -> {
                    cancelled.add(info);
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private TimerService service() {
    return (TimerService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {TimerService.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getTimers" -> stored.stream().map(this::timer).toList();
                  case "createIntervalTimer" -> {
                    TimerConfig config = (TimerConfig) args[2];
                    created.add(
                        args[0]
                            + "/"
                            + args[1]
                            + " "
                            + config.getInfo()
                            + (config.isPersistent() ? " persistent" : ""));
                    yield timer((String) config.getInfo());
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private class Job extends IntervalTimer {
    final Duration interval;
    final boolean persistent;
    int runs;

    Job(Duration interval, boolean persistent) {
      this.interval = interval;
      this.persistent = persistent;
      timers = service();
    }

    @Override
    protected Schedule schedule() {
      return new Schedule("jobs", "job.interval", interval, persistent, "job every " + interval);
    }

    @Override
    protected void run() {
      runs++;
      if (runs == 1) {
        tick(null); // a tick while this run is still going is covered by it
      }
    }
  }

  @Test
  void aPersistentTimerWithTheSameIntervalIsKeptAndOthersAreReplaced() {
    stored.add("job every PT15S");
    new Job(Duration.ofSeconds(15), true).start();
    assertEquals(List.of(), created, "an unchanged interval keeps the stored timer");

    stored.clear();
    stored.add("job every PT30S");
    new Job(Duration.ofSeconds(15), true).start();
    assertEquals(List.of("job every PT30S"), cancelled);
    assertEquals(List.of("15000/15000 job every PT15S persistent"), created);
  }

  @Test
  void aTimerThatIsNotStoredIsCreatedAtEveryStart() {
    new Job(Duration.ofMillis(500), false).start();
    assertEquals(List.of("500/500 job every PT0.5S"), created);
  }

  @Test
  void anIntervalBelowATenthOfASecondIsRefused() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> new Job(Duration.ofMillis(50), true).start());
    assertEquals("job.interval must be at least 0.1 s, not PT0.05S", refused.getMessage());
  }

  @Test
  void aTickWhileARunIsGoingDoesNotStartAnother() {
    Job job = new Job(Duration.ofSeconds(1), false);
    job.tick(null);
    assertEquals(1, job.runs);
    job.tick(null);
    assertEquals(2, job.runs, "after a run, the next tick runs again");
  }
}
