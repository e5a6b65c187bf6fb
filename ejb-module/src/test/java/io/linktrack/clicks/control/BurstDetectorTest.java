package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.entity.LinkTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private final BurstDetector detector = new BurstDetector(Duration.ofSeconds(2));

  private static PendingClick hit(long message, int links, long link, long millis) {
    return PendingClick.of(
        new LinkTarget(link, message, "https://example.com/" + link, links, null, false),
        T0.plusMillis(millis),
        "Mozilla/5.0",
        null,
        null,
        null);
  }

  @Test
  void mostLinksOfAMessageWithinTheWindowAreABurstFirstHitIncluded() {
    List<PendingClick> hits = List.of(hit(1, 4, 10, 0), hit(1, 4, 11, 900), hit(1, 4, 12, 1900));
    assertEquals(Set.copyOf(hits), detector.bursts(hits, hits), "3 of 4 links within 2 s");
  }

  @Test
  void aPersonOpeningLinksSecondsApartOrOneLinkRepeatedlyIsNoBurst() {
    List<PendingClick> apart = List.of(hit(1, 4, 10, 0), hit(1, 4, 11, 2500), hit(1, 4, 12, 5000));
    assertEquals(Set.of(), detector.bursts(apart, apart));
    List<PendingClick> same = List.of(hit(2, 3, 20, 0), hit(2, 3, 20, 10), hit(2, 3, 20, 20));
    assertEquals(Set.of(), detector.bursts(same, same), "the same link again is not most links");
    List<PendingClick> half = List.of(hit(3, 4, 30, 0), hit(3, 4, 31, 10));
    assertEquals(Set.of(), detector.bursts(half, half), "half the links is not most");
    List<PendingClick> single = List.of(hit(4, 1, 40, 0), hit(4, 1, 40, 1));
    assertEquals(Set.of(), detector.bursts(single, single), "one link can never burst");
  }

  @Test
  void hitsOfOtherMessagesDoNotAddUpAndBotsAreAlreadyBots() {
    List<PendingClick> mixed = List.of(hit(5, 2, 50, 0), hit(6, 2, 60, 10));
    assertEquals(Set.of(), detector.bursts(mixed, mixed));
    PendingClick person = hit(7, 2, 70, 0);
    PendingClick scanner = hit(7, 2, 71, 50).judged(BotReason.USER_AGENT);
    assertEquals(
        Set.of(person),
        detector.bursts(List.of(person, scanner), List.of(person, scanner)),
        "the scanner's hit makes the burst; only the hit judged a person's changes verdict");
  }
}
