package io.linktrack.clicks.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.linktrack.clicks.boundary.Redirect.Outcome;
import io.linktrack.clicks.control.BotFilter;
import io.linktrack.clicks.control.ClickJournal;
import io.linktrack.clicks.control.ClickWriter;
import io.linktrack.clicks.control.KnownLink;
import io.linktrack.clicks.control.LinkDirectory;
import io.linktrack.clicks.control.MissCounter;
import io.linktrack.clicks.entity.BotReason;
import io.linktrack.clicks.entity.Hit;
import io.linktrack.links.boundary.LinkLookup;
import io.linktrack.links.entity.LinkTarget;
import io.linktrack.links.entity.ShortCode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request stage's one decision per request: what a short link answers, which hits reach the
 * journal (live links only), and which requests count as misses (unknown and refused codes, not
 * malformed ones), each once.
 */
class ClickRecorderTest {

  private static final Hit HIT = new Hit(false, false, "Mozilla/5.0", null, "192.0.2.7");

  @TempDir Path dir;

  private final Map<String, KnownLink> links = new HashMap<>();
  private final List<String> lookups = new ArrayList<>();
  private final List<String> misses = new ArrayList<>();
  private Optional<String> fallback = Optional.empty();
  private Duration barred;
  private ClickJournal journal;
  private final ClickRecorder recorder = new ClickRecorder();

  @BeforeEach
  void recorder() throws IOException {
    journal = ClickJournal.open(dir);
    recorder.links =
        new LinkLookup() {
          @Override
          public boolean refuses(String code) {
            return code.startsWith("wrong");
          }

          @Override
          public Optional<String> expiredFallback() {
            return fallback;
          }
        };
    recorder.directory =
        new LinkDirectory() {
          @Override
          public Optional<KnownLink> lookup(ShortCode code) {
            lookups.add(code.value());
            return Optional.ofNullable(links.get(code.value()));
          }
        };
    recorder.misses =
        new MissCounter() {
          @Override
          public Optional<Duration> miss(String clientAddress) {
            misses.add(clientAddress);
            return Optional.ofNullable(barred);
          }
        };
    recorder.bots =
        new BotFilter() {
          @Override
          public Optional<BotReason> judge(Hit hit, Instant at, Instant sentAt) {
            return Optional.empty();
          }
        };
    recorder.writer =
        new ClickWriter() {
          @Override
          public ClickJournal journal() {
            return journal;
          }
        };
    recorder.openJournal();
  }

  @AfterEach
  void close() throws IOException {
    journal.close();
  }

  private void link(String code, Instant expiresAt, boolean retired) {
    links.put(
        code,
        new KnownLink(
            new LinkTarget(1, null, "https://example.com/a?x=1", 0, expiresAt, retired), null));
  }

  private int journaled() throws IOException {
    return journal.read(0, 100).clicks().size();
  }

  @Test
  void aLiveLinkRedirectsWithTheShortLinksQueryAndIsJournaledOnce() throws IOException {
    link("abcdef12", null, false);
    Redirect answer = recorder.follow("abcdef12", "utm_source=qr", HIT);
    assertEquals(Outcome.FOUND, answer.outcome());
    assertEquals("https://example.com/a?x=1&utm_source=qr", answer.location());
    assertEquals(1, journaled(), "the click must be in the journal before its 302");
    assertEquals(List.of(), misses, "a hit never passes the miss counter");
  }

  @Test
  void anUnknownOrRefusedCodeIsOneMissAndAMalformedOneNone() throws IOException {
    assertEquals(Outcome.NOT_FOUND, recorder.follow("zzzzzz99", null, HIT).outcome());
    assertEquals(Outcome.NOT_FOUND, recorder.follow("wrongtag1", null, HIT).outcome());
    assertEquals(List.of("zzzzzz99"), lookups, "a refused code costs no lookup");
    assertEquals(Outcome.NOT_FOUND, recorder.follow("favicon.ico", null, HIT).outcome());
    assertEquals(
        List.of("192.0.2.7", "192.0.2.7"), misses, "each miss counted once, a malformed code not");
    assertEquals(0, journaled());

    barred = Duration.ofSeconds(90);
    Redirect answer = recorder.follow("zzzzzz99", null, HIT);
    assertEquals(Outcome.TOO_MANY_MISSES, answer.outcome());
    assertEquals(Duration.ofSeconds(90), answer.retryAfter());
  }

  @Test
  void retiredAndExpiredLinksRecordNoClick() throws IOException {
    link("retired1", null, true);
    link("expired1", Instant.now().minusSeconds(1), false);
    assertEquals(Outcome.GONE, recorder.follow("retired1", null, HIT).outcome());
    assertEquals(Outcome.GONE, recorder.follow("expired1", "a=b", HIT).outcome());

    fallback = Optional.of("https://example.com/ended");
    Redirect answer = recorder.follow("expired1", "a=b", HIT);
    assertEquals(Outcome.FOUND, answer.outcome());
    assertEquals(
        "https://example.com/ended", answer.location(), "the fallback gets no query merged in");
    assertNull(answer.retryAfter());
    assertEquals(0, journaled(), "the click path records live links only");
    assertEquals(List.of(), misses, "a known link is no miss");
  }
}
