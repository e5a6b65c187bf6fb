package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linktrack.clicks.entity.BotReason;
import io.linktrack.links.entity.LinkTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The click journal on a real folder: what was appended is read back whole and in order, also after
 * the journal is opened again (a restart), after a crash in the middle of a record, across segment
 * files, and when many request threads append at once.
 */
class ClickJournalTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");

  @TempDir Path dir;

  private static PendingClick click(long link, Long message, int second, BotReason bot) {
    return PendingClick.of(
        new LinkTarget(link, message, "https://example.com/" + link, 3, null, false),
        T0.plusSeconds(second),
        "Mozilla/5.0 (iPhone) Safari/604.1 – ünïcödé 🙂",
        second % 2 == 0 ? null : "https://mail.example.com/inbox",
        "192.0.2.0",
        bot);
  }

  /** What the journal keeps of a click: what the ledger stores and the fold counts. */
  private static String stored(PendingClick click) {
    return click.target().linkId()
        + "|"
        + click.target().messageId()
        + "|"
        + click.target().messageLinks()
        + "|"
        + click.at()
        + "|"
        + click.userAgent()
        + "|"
        + click.referrer()
        + "|"
        + click.clientAddress()
        + "|"
        + click.bot();
  }

  private static List<String> stored(List<PendingClick> clicks) {
    return clicks.stream().map(ClickJournalTest::stored).toList();
  }

  @Test
  void whatIsAppendedIsReadBackWholeAndInOrder() throws IOException {
    List<PendingClick> appended =
        List.of(
            click(1, 10L, 0, null),
            click(2, null, 1, BotReason.HEAD),
            click(3, 10L, 2, BotReason.USER_AGENT));
    try (ClickJournal journal = ClickJournal.open(dir)) {
      for (PendingClick c : appended) {
        journal.append(c);
      }
      ClickJournal.Chunk chunk = journal.read(0, 100);
      assertEquals(stored(appended), stored(chunk.clicks()));
      assertEquals(journal.end(), chunk.end());
      assertEquals(2, journal.read(0, 2).clicks().size(), "a read takes at most max clicks");
      assertEquals(0, journal.read(journal.end(), 100).clicks().size());
    }
  }

  @Test
  void aRestartFindsEveryClickAndTheSameJournal() throws IOException {
    String id;
    long middle;
    long end;
    try (ClickJournal journal = ClickJournal.open(dir)) {
      id = journal.id();
      journal.append(click(1, 10L, 0, null));
      middle = journal.end();
      journal.append(click(2, 10L, 1, null));
      end = journal.end();
    }
    try (ClickJournal journal = ClickJournal.open(dir)) {
      assertEquals(id, journal.id(), "the database knows the journal by its id");
      assertEquals(end, journal.end());
      assertEquals(
          List.of(stored(click(2, 10L, 1, null))), stored(journal.read(middle, 10).clicks()));
      journal.append(click(3, 10L, 2, null));
      assertEquals(3, journal.read(0, 10).clicks().size());
    }
  }

  @Test
  void aRecordCutShortByACrashIsDroppedAndAppendingGoesOn() throws IOException {
    long whole;
    try (ClickJournal journal = ClickJournal.open(dir)) {
      journal.append(click(1, 10L, 0, null));
      journal.append(click(2, 10L, 1, null));
      whole = journal.end();
    }
    // the server died while writing a third record: its length is there, its bytes are not
    Path segment = segments().get(0);
    Files.write(segment, new byte[] {0, 0, 0, 90, 1, 2, 3}, StandardOpenOption.APPEND);
    try (ClickJournal journal = ClickJournal.open(dir)) {
      assertEquals(whole, journal.end(), "the torn record never got its 302: it is not a click");
      journal.append(click(4, 10L, 2, null));
      assertEquals(
          List.of(1L, 2L, 4L),
          journal.read(0, 10).clicks().stream().map(c -> c.target().linkId()).toList());
    }
  }

  @Test
  void segmentsRollOverAndAreDeletedOnceStored() throws IOException {
    List<PendingClick> appended = new ArrayList<>();
    try (ClickJournal journal = ClickJournal.open(dir, 2_000)) {
      for (int i = 0; i < 100; i++) {
        PendingClick c = click(i, 10L, i, null);
        appended.add(c);
        journal.append(c);
      }
      assertTrue(segments().size() > 5, "a small segment size makes many segments");
      List<PendingClick> read = new ArrayList<>();
      long position = 0;
      while (position < journal.end()) {
        ClickJournal.Chunk chunk = journal.read(position, 7);
        read.addAll(chunk.clicks());
        position = chunk.end();
        journal.release(position);
      }
      assertEquals(stored(appended), stored(read), "read across every segment, in order");
      assertEquals(1, segments().size(), "stored segments are deleted, the one appended to stays");
    }
  }

  @Test
  void concurrentAppendsAreNeitherLostNorMixed() throws Exception {
    int threads = 8;
    int each = 2_000;
    try (ClickJournal journal = ClickJournal.open(dir, 64 << 10)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long link = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    journal.append(click(link, (long) i, i, null));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      Set<String> seen = new HashSet<>();
      long position = 0;
      while (position < journal.end()) {
        ClickJournal.Chunk chunk = journal.read(position, 1_000);
        chunk.clicks().forEach(c -> seen.add(c.target().linkId() + "/" + c.target().messageId()));
        position = chunk.end();
      }
      assertEquals(threads * each, seen.size(), "every click once, none torn");
    }
  }

  @Test
  void aJournalIsClaimedOnceADatabaseTookItOn() throws IOException {
    try (ClickJournal journal = ClickJournal.open(dir)) {
      assertFalse(journal.claimed());
      journal.markClaimed();
    }
    try (ClickJournal journal = ClickJournal.open(dir)) {
      assertTrue(journal.claimed(), "the claim outlives a restart");
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".clicks")).sorted().toList();
    }
  }
}
