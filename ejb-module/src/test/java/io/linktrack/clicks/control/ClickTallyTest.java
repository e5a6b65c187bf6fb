package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.links.entity.LinkTarget;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClickTallyTest {

  private static PendingClick click(long link, Long message, int second) {
    return PendingClick.of(
        new LinkTarget(link, message, "https://example.com/" + link, 0, null, false),
        Instant.ofEpochSecond(1_800_000_000L + second),
        "ua",
        null,
        null,
        null);
  }

  @Test
  void aBatchBecomesOneIncrementPerRowInAscendingIdOrder() {
    List<PendingClick> batch =
        List.of(
            click(9, 2L, 5), click(3, 1L, 7), click(9, 2L, 1), click(9, 2L, 3), click(4, null, 2));

    List<ClickTally> perLink = ClickTally.of(batch, c -> c.target().linkId());
    assertEquals(
        List.of(3L, 4L, 9L),
        perLink.stream().map(ClickTally::id).toList(),
        "rows are locked in ascending id order, so concurrent writers cannot deadlock");
    ClickTally link9 = perLink.get(2);
    assertEquals(3, link9.clicks());
    assertEquals(
        Instant.ofEpochSecond(1_800_000_001L), link9.first(), "earliest click of the batch");
    assertEquals(Instant.ofEpochSecond(1_800_000_005L), link9.last(), "latest click of the batch");

    List<ClickTally> perMessage = ClickTally.of(batch, c -> c.target().messageId());
    assertEquals(2, perMessage.size(), "a link without a message adds nothing to a message");
    assertEquals(4, perMessage.stream().mapToInt(ClickTally::clicks).sum());
  }
}
