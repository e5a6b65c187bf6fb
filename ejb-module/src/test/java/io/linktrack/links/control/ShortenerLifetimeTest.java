package io.linktrack.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** linktrack.links.default-lifetime: none by default, a positive ISO-8601 duration otherwise. */
class ShortenerLifetimeTest {

  private static Shortener with(Optional<String> lifetime) {
    Shortener shortener = new Shortener();
    shortener.defaultLifetime = lifetime;
    shortener.readLifetime();
    return shortener;
  }

  @Test
  void withoutALifetimeMessageLinksNeverExpire() {
    assertNull(with(Optional.empty()).lifetime());
    assertNull(with(Optional.of("  ")).lifetime());
  }

  @Test
  void aLifetimeIsAnIsoDuration() {
    assertEquals(Duration.ofDays(90), with(Optional.of(" P90D ")).lifetime());
    assertEquals(Duration.ofHours(12), with(Optional.of("PT12H")).lifetime());
  }

  @Test
  void aMalformedZeroOrNegativeLifetimeStopsTheApplication() {
    assertThrows(IllegalStateException.class, () -> with(Optional.of("90 days")));
    assertThrows(IllegalStateException.class, () -> with(Optional.of("PT0S")));
    assertThrows(IllegalStateException.class, () -> with(Optional.of("-P1D")));
  }
}
