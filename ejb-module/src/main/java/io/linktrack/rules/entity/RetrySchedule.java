package io.linktrack.rules.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed webhook or mail is tried again: after {@code initial}, then twice as long each
 * time, never longer than {@code max}, for as long as {@code retryFor} after the alert fired.
 * Defaults (30 s, 1 h, 24 h) give about 30 attempts: quick retries for a blip, hourly ones through
 * a day-long outage of the receiver.
 */
public record RetrySchedule(Duration initial, Duration max, Duration retryFor) {

  public RetrySchedule {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("Retry delays need 0 < initial <= max");
    }
  }

  /** The pause after the given number of failed attempts (1 for the first failure). */
  public Duration delayAfter(int failedAttempts) {
    Duration delay = initial;
    for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /**
   * The next attempt after {@code failedAttempts} failures, or empty when it is time to give up.
   */
  public Optional<Instant> nextAttempt(int failedAttempts, Instant firedAt, Instant now) {
    Instant next = now.plus(delayAfter(failedAttempts));
    Instant giveUpAt = firedAt.plus(retryFor);
    if (!now.isBefore(giveUpAt)) {
      return Optional.empty();
    }
    // the last attempt falls at the end of the retry period rather than beyond it
    return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
  }
}
