package io.linktrack.links.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTargetTest {

  private static final Instant EXPIRY = Instant.parse("2026-12-31T00:00:00Z");

  @Test
  void aLinkIsLiveUntilItsExpiryAndNeverOnceRetired() {
    LinkTarget expiring = new LinkTarget(1, 2L, "https://a.example", 1, EXPIRY, false);
    assertTrue(expiring.isLiveAt(EXPIRY.minusMillis(1)));
    assertFalse(expiring.isLiveAt(EXPIRY), "the expiry instant itself is past the lifetime");
    assertTrue(new LinkTarget(1, 2L, "https://a.example").isLiveAt(Instant.MAX));
    assertFalse(
        new LinkTarget(1, null, "https://a.example", 0, null, true).isLiveAt(Instant.EPOCH));
  }
}
