package io.linktrack.clicks.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The counter changes one batch of clicks makes to one link or message: how many clicks, the
 * earliest and the latest. Applying tallies as increments (clicks = clicks + n) keeps the counters
 * exact without reading them first, whatever else writes concurrently.
 */
public record ClickTally(long id, int clicks, Instant first, Instant last) {

  /** Tallies per id, in ascending id order so concurrent writers lock rows in the same order. */
  public static List<ClickTally> of(List<PendingClick> batch, Function<PendingClick, Long> idOf) {
    Map<Long, ClickTally> tallies = new TreeMap<>();
    for (PendingClick click : batch) {
      Long id = idOf.apply(click);
      if (id != null) {
        tallies.merge(id, new ClickTally(id, 1, click.at(), click.at()), ClickTally::plus);
      }
    }
    return List.copyOf(tallies.values());
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
        first.isBefore(other.first) ? first : other.first,
        last.isAfter(other.last) ? last : other.last);
  }
}
