package io.linktrack.clicks.boundary;

import java.time.Duration;

/**
 * What a request for a short link is answered with, decided once per request by {@link
 * ClickRecorder}: a redirect to {@code location} (a live link, or an expired one's fallback), or
 * why not. {@code retryAfter} is set only for {@link Outcome#TOO_MANY_MISSES}.
 */
public record Redirect(Outcome outcome, String location, Duration retryAfter) {

  public enum Outcome {
    /** 302 Found to {@code location}. */
    FOUND,
    /** No link has this code (or none can): 404. */
    NOT_FOUND,
    /** Retired, or expired with no fallback configured: 410. */
    GONE,
    /** The client's network missed too often lately: 429 for {@code retryAfter}. */
    TOO_MANY_MISSES
  }

  static Redirect to(String location) {
    return new Redirect(Outcome.FOUND, location, null);
  }

  static Redirect notFound() {
    return new Redirect(Outcome.NOT_FOUND, null, null);
  }

  static Redirect gone() {
    return new Redirect(Outcome.GONE, null, null);
  }

  static Redirect tooManyMisses(Duration retryAfter) {
    return new Redirect(Outcome.TOO_MANY_MISSES, null, retryAfter);
  }

  public boolean found() {
    return outcome == Outcome.FOUND;
  }
}
