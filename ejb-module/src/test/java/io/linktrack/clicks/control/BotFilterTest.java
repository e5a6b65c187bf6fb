package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Hit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** People count, previews and scanners do not: a corpus of real user agents of both kinds. */
class BotFilterTest {

  private static final Instant SENT = Instant.parse("2026-11-24T09:00:00Z");
  private static final Instant LATER = SENT.plusSeconds(600);
  private static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";

  private final BotFilter filter =
      BotFilter.of("AcmeLinkChecker", "203.0.113.0/24, 2001:db8::/32", Duration.ofSeconds(2));

  static List<String> bots() throws IOException {
    return corpus("bots.txt");
  }

  static List<String> people() throws IOException {
    return corpus("people.txt");
  }

  private static List<String> corpus(String name) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                BotFilterTest.class.getResourceAsStream("/user-agents/" + name),
                StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  private static Hit get(String userAgent, String address) {
    return new Hit(false, false, userAgent, null, address);
  }

  @Test
  void theCorpusHoldsAtLeastThirtyOfEachKind() throws IOException {
    assertTrue(bots().size() >= 30, "bots: " + bots().size());
    assertTrue(people().size() >= 30, "people: " + people().size());
  }

  @ParameterizedTest
  @MethodSource("bots")
  void aPreviewerOrScannerIsABot(String userAgent) {
    assertEquals(
        Optional.of(BotReason.USER_AGENT),
        filter.judge(get(userAgent, "198.51.100.7"), LATER, SENT));
  }

  @ParameterizedTest
  @MethodSource("people")
  void aBrowserOrInAppBrowserIsAPerson(String userAgent) {
    assertEquals(Optional.empty(), filter.judge(get(userAgent, "198.51.100.7"), LATER, SENT));
  }

  @Test
  void headAndPrefetchRequestsAreNotClicksWhateverTheirAgent() {
    assertEquals(
        Optional.of(BotReason.HEAD),
        filter.judge(new Hit(true, false, BROWSER, null, null), LATER, SENT));
    Map<String, String> prefetches =
        Map.of(
            "Sec-Purpose", "prefetch;prerender",
            "Purpose", "prefetch",
            "X-Purpose", "preview",
            "X-Moz", "prefetch");
    prefetches.forEach(
        (name, value) ->
            assertEquals(
                Optional.of(BotReason.PREFETCH),
                filter.judge(
                    Hit.of("GET", header -> header.equals(name) ? value : null, BROWSER, null),
                    LATER,
                    SENT),
                name + ": " + value));
    assertEquals(
        Optional.empty(), filter.judge(Hit.of("GET", header -> null, BROWSER, null), LATER, SENT));
  }

  @Test
  void headAndPrefetchCanBeCountedAsClicksWhereAnOperatorSaysSo() {
    BotFilter lenient = BotFilter.of(null, null, Duration.ZERO);
    lenient.headAndPrefetch = false;
    assertEquals(
        Optional.empty(), lenient.judge(new Hit(true, true, BROWSER, null, null), LATER, SENT));
  }

  @Test
  void configuredAgentsAndAddressRangesAreBots() {
    assertEquals(
        Optional.of(BotReason.USER_AGENT),
        filter.judge(get("Mozilla/5.0 acmelinkchecker/2.1", null), LATER, SENT),
        "configured texts match whatever their case");
    assertEquals(
        Optional.of(BotReason.ADDRESS_RANGE),
        filter.judge(get(BROWSER, "203.0.113.250"), LATER, SENT));
    assertEquals(
        Optional.of(BotReason.ADDRESS_RANGE),
        filter.judge(get(BROWSER, "2001:db8:1234::9"), LATER, SENT));
    assertEquals(Optional.empty(), filter.judge(get(BROWSER, "203.0.114.1"), LATER, SENT));
  }

  @Test
  void aHitWithinSecondsOfSendingOrWithoutAnAgentIsABot() {
    assertEquals(
        Optional.of(BotReason.TOO_SOON),
        filter.judge(get(BROWSER, null), SENT.plusMillis(1500), SENT));
    assertEquals(Optional.empty(), filter.judge(get(BROWSER, null), SENT.plusSeconds(2), SENT));
    assertEquals(
        Optional.empty(),
        filter.judge(get(BROWSER, null), SENT, null),
        "a link without a message has no send time");
    assertEquals(Optional.of(BotReason.NO_USER_AGENT), filter.judge(get(" ", null), LATER, SENT));
  }
}
