package io.linktrack.clicks.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The counter changes some clicks make to one link: how many people clicked and when first and last
 * (null when none did), and how many bot hits. Applying tallies as increments (clicks = clicks + n)
 * keeps the counters exact without reading them first, whatever else writes concurrently.
 */
public record ClickTally(long id, int clicks, int botClicks, Instant first, Instant last) {

  /** Tallies per id, in ascending id order so concurrent writers lock rows in the same order. */
  public static List<ClickTally> of(List<PendingClick> batch, Function<PendingClick, Long> idOf) {
    Map<Long, ClickTally> tallies = new TreeMap<>();
    for (PendingClick click : batch) {
      Long id = idOf.apply(click);
      if (id != null) {
        tallies.merge(id, of(id, click.human(), click.at()), ClickTally::plus);
      }
    }
    return List.copyOf(tallies.values());
  }

  /** One hit: a person's click at {@code at}, or a bot's. */
  public static ClickTally of(long id, boolean human, Instant at) {
    return human ? new ClickTally(id, 1, 0, at, at) : new ClickTally(id, 0, 1, null, null);
  }

  /** Tallies of several batches combined per id, in ascending id order. */
  public static List<ClickTally> merged(List<ClickTally> tallies) {
    Map<Long, ClickTally> merged = new TreeMap<>();
    tallies.forEach(tally -> merged.merge(tally.id(), tally, ClickTally::plus));
    return List.copyOf(merged.values());
  }

  ClickTally plus(ClickTally other) {
    return new ClickTally(
        id,
        clicks + other.clicks,
        botClicks + other.botClicks,
        earlier(first, other.first),
        later(last, other.last));
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
