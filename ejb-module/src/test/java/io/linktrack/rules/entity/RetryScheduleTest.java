package io.linktrack.rules.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private final RetrySchedule defaults =
      new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));

  @Test
  void delaysDoubleFromTheInitialUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(30), defaults.delayAfter(1));
    assertEquals(Duration.ofSeconds(60), defaults.delayAfter(2));
    assertEquals(Duration.ofSeconds(120), defaults.delayAfter(3));
    assertEquals(Duration.ofMinutes(32), defaults.delayAfter(7));
    assertEquals(Duration.ofHours(1), defaults.delayAfter(8));
    assertEquals(Duration.ofHours(1), defaults.delayAfter(1000), "never more than the maximum");
  }

  @Test
  void retriesGoOnForAtLeastTheRetryPeriodThenStop() {
    Instant fired = Instant.parse("2026-11-24T00:00:00Z");
    Instant now = fired;
    int attempts = 1;
    Optional<Instant> next;
    while ((next = defaults.nextAttempt(attempts, fired, now)).isPresent()) {
      assertTrue(next.get().isAfter(now), "each attempt comes after the previous one");
      now = next.get();
      attempts++;
    }
    assertEquals(fired.plus(Duration.ofHours(24)), now, "the last attempt is 24 h after firing");
    assertTrue(attempts > 25 && attempts < 40, "about 30 attempts in a day, not " + attempts);
  }
}
