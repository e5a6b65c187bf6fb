package io.linktrack.clicks.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.linktrack.clicks.entity.AnonymizedAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts short-link misses (unknown codes, codes with a wrong tag) per client address. More than
 * {@code linktrack.links.miss-limit} in {@code linktrack.links.miss-window} bars the address's
 * misses for {@code linktrack.links.miss-penalty}: they are answered 429 instead of 404, so a
 * guesser learns nothing more for a while.
 *
 * <p>Only misses are counted; a hit never touches this class, so real clicks cost nothing extra and
 * a known code still redirects from a barred address. Many people share one address (an office NAT,
 * a mobile carrier's gateway): their clicks must not be lost because one of them, or malware on one
 * machine, guesses codes.
 *
 * <p>Addresses are keyed by their anonymised form (IPv4 /24, IPv6 /48), the same form the click
 * records keep: nothing more precise than that is held, even in memory, and an IPv6 guesser cannot
 * escape the count by rotating through the 2^80 addresses of its own prefix. The tallies live only
 * in memory, per server, and at most {@link #MAX_ADDRESSES} of them.
 */
@ApplicationScoped
public class MissCounter {

  static final long MAX_ADDRESSES = 100_000;

  @Inject
  @ConfigProperty(name = "linktrack.links.miss-limit", defaultValue = "50")
  int limit;

  @Inject
  @ConfigProperty(name = "linktrack.links.miss-window", defaultValue = "PT1M")
  Duration window;

  @Inject
  @ConfigProperty(name = "linktrack.links.miss-penalty", defaultValue = "PT5M")
  Duration penalty;

  private Cache<String, Tally> tallies;

  @PostConstruct
  void createTallies() {
    if (limit < 1 || window.isNegative() || window.isZero() || penalty.isNegative()) {
      throw new IllegalStateException(
          "linktrack.links.miss-limit must be at least 1, miss-window positive, miss-penalty"
              + " not negative");
    }
    tallies =
        Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterAccess(window.compareTo(penalty) > 0 ? window : penalty)
            .build();
  }

  /**
   * Counts a miss from {@code clientAddress}; answers how long its misses stay barred, or empty
   * when this one may still be answered normally.
   */
  public Optional<Duration> miss(String clientAddress) {
    String key = AnonymizedAddress.of(clientAddress).orElse("unknown");
    long now = System.nanoTime();
    long barredFor = tallies.get(key, k -> new Tally(now)).count(now, this);
    return barredFor > 0 ? Optional.of(Duration.ofNanos(barredFor)) : Optional.empty();
  }

  /** One address's misses in its current window, and the end of its penalty, if any. */
  private static final class Tally {
    private long windowStart;
    private int misses;
    private long barredUntil;

    Tally(long now) {
      windowStart = now;
    }

    /** Nanoseconds the address stays barred after this miss; 0 when it is not. */
    synchronized long count(long now, MissCounter rules) {
      if (barredUntil != 0) {
        if (now - barredUntil < 0) {
          return barredUntil - now;
        }
        // the penalty is over: start afresh
        barredUntil = 0;
        misses = 0;
        windowStart = now;
      }
      if (now - windowStart > rules.window.toNanos()) {
        windowStart = now;
        misses = 0;
      }
      misses++;
      if (misses > rules.limit && !rules.penalty.isZero()) {
        barredUntil = now + rules.penalty.toNanos();
        return rules.penalty.toNanos();
      }
      return 0;
    }
  }
}
