package io.linktrack.clicks.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scanner walking a message: most of its links opened within a couple of seconds. Security
 * gateways open every link of a message the moment it arrives; a person opens one, reads, and maybe
 * another later. A message with one link can never burst.
 *
 * <p>A hit is part of a burst when some window of {@code window} length that contains it holds hits
 * on more than half of its message's links (at least two). Every hit of the burst is a bot hit, the
 * first ones included: that is why the verdict waits until the window after a hit has passed.
 */
public final class BurstDetector {

  private final Duration window;

  public BurstDetector(Duration window) {
    this.window = window;
  }

  /**
   * The people's hits among {@code toJudge} that belong to a burst, judged against every hit seen
   * around them ({@code context}, which includes {@code toJudge}).
   */
  public Set<PendingClick> bursts(
      Collection<PendingClick> toJudge, Iterable<PendingClick> context) {
    // Only people's hits on messages with several links can be part of a burst: most hits are
    // not, and then the context is not even looked at.
    Set<Long> candidates = new HashSet<>();
    for (PendingClick hit : toJudge) {
      if (hit.human() && hit.target().messageId() != null && hit.target().messageLinks() >= 2) {
        candidates.add(hit.target().messageId());
      }
    }
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Map<Long, List<PendingClick>> byMessage = new HashMap<>();
    for (PendingClick hit : context) {
      if (candidates.contains(hit.target().messageId())) {
        byMessage.computeIfAbsent(hit.target().messageId(), id -> new ArrayList<>()).add(hit);
      }
    }
    Set<PendingClick> bursts = new HashSet<>();
    for (PendingClick hit : toJudge) {
      List<PendingClick> sameMessage = byMessage.get(hit.target().messageId());
      if (hit.human() && sameMessage != null && inBurst(hit, sameMessage)) {
        bursts.add(hit);
      }
    }
    return bursts;
  }

  private boolean inBurst(PendingClick hit, List<PendingClick> sameMessage) {
    int needed = Math.max(2, hit.target().messageLinks() / 2 + 1);
    // windows [start, start + window] containing the hit: it is enough to try those that start at
    // a hit in the window before it (or at the hit itself)
    for (PendingClick start : sameMessage) {
      Instant from = start.at();
      Instant to = from.plus(window);
      if (from.isAfter(hit.at()) || to.isBefore(hit.at())) {
        continue;
      }
      Set<Long> links = new HashSet<>();
      for (PendingClick other : sameMessage) {
        if (!other.at().isBefore(from) && !other.at().isAfter(to)) {
          links.add(other.target().linkId());
        }
      }
      if (links.size() >= needed) {
        return true;
      }
    }
    return false;
  }
}
