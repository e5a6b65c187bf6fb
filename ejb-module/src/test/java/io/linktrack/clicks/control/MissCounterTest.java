package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissCounterTest {

  private static MissCounter counter(int limit, Duration window, Duration penalty) {
    MissCounter counter = new MissCounter();
    counter.limit = limit;
    counter.window = window;
    counter.penalty = penalty;
    counter.createTallies();
    return counter;
  }

  @Test
  void missesUpToTheLimitAreAnsweredNormallyThenTheAddressIsBarred() {
    MissCounter counter = counter(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.empty(), counter.miss("198.51.100.7"), "miss " + (i + 1));
    }
    Optional<Duration> barred = counter.miss("198.51.100.7");
    assertTrue(barred.isPresent(), "the sixth miss is over the limit");
    assertTrue(barred.get().compareTo(Duration.ofMinutes(4)) > 0, barred.get().toString());
    assertTrue(counter.miss("198.51.100.7").isPresent(), "and so is every miss after it");
  }

  @Test
  void otherNetworksAreNotAffectedButTheSameSlash24Is() {
    MissCounter counter = counter(2, Duration.ofMinutes(1), Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      counter.miss("198.51.100.7");
    }
    assertTrue(counter.miss("198.51.100.99").isPresent(), "one anonymised address: one tally");
    assertEquals(Optional.empty(), counter.miss("203.0.113.7"));
    assertEquals(Optional.empty(), counter.miss("2001:db8:1::1"));
  }

  @Test
  void anIpv6GuesserCannotEscapeByRotatingWithinItsPrefix() {
    MissCounter counter = counter(3, Duration.ofMinutes(1), Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      counter.miss("2001:db8:1:" + i + "::" + i);
    }
    assertTrue(counter.miss("2001:db8:1:ffff::1").isPresent());
  }

  @Test
  void thePenaltyEndsAndTheCountStartsAfresh() throws InterruptedException {
    MissCounter counter = counter(1, Duration.ofMinutes(1), Duration.ofMillis(200));
    counter.miss("192.0.2.1");
    assertTrue(counter.miss("192.0.2.1").isPresent());
    Thread.sleep(250);
    assertEquals(Optional.empty(), counter.miss("192.0.2.1"), "the penalty is over");
  }

  @Test
  void missesSpreadOverWindowsDoNotAddUp() throws InterruptedException {
    MissCounter counter = counter(2, Duration.ofMillis(100), Duration.ofMinutes(5));
    counter.miss("192.0.2.1");
    counter.miss("192.0.2.1");
    Thread.sleep(150);
    assertEquals(Optional.empty(), counter.miss("192.0.2.1"), "a new window");
  }
}
