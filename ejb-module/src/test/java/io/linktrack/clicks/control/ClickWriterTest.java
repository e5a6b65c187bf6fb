package io.linktrack.clicks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.linktrack.links.entity.LinkTarget;
import io.linktrack.platform.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's SQL on an in-memory Derby database built by the real migrations: a journal is taken
 * on where the database has it, so no click is stored twice or skipped.
 */
class ClickWriterTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private static final DeviceDetector DEVICES = new DeviceDetector();
  private static final String IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  private final ClickWriter writer = new ClickWriter();
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = MigratedDatabase.fresh("ledger");
    writer.dataSource = db;
    writer.devices = DEVICES;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO LT_LINK (ID, CODE, ORIGINAL_URL, POSITION, CREATED_AT) VALUES"
              + " (1, 'aaaaaaaa', 'https://example.com/a', 0, CURRENT_TIMESTAMP),"
              + " (2, 'bbbbbbbb', 'https://example.com/b', 1, CURRENT_TIMESTAMP)");
    }
  }

  private static List<PendingClick> clicks(long link, int count, int fromSecond) {
    List<PendingClick> clicks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clicks.add(
          PendingClick.of(
              new LinkTarget(link, null, "https://example.com/" + link, 0, null, false),
              T0.plusSeconds(fromSecond + i),
              "Mozilla/5.0",
              null,
              "192.0.2.0",
              null));
    }
    return clicks;
  }

  private long journalEnd;

  /** Appends as the writer does: from a journal, whose position moves on by each batch. */
  private long append(List<PendingClick> batch) {
    journalEnd += 100L * batch.size();
    return writer.append(batch, "journal-a", journalEnd);
  }

  @Test
  void aNewJournalIsTakenOnFromItsStartAndResumedAfterItsLastStoredBatch() {
    assertEquals(
        OptionalLong.of(0),
        writer.resumePosition("journal-a", 700, false),
        "a journal no database claimed holds the clicks of its first start: all of them count");
    append(clicks(1, 2, 0));
    append(clicks(1, 3, 10));
    assertEquals(500, journalEnd);
    assertEquals(
        OptionalLong.of(500),
        writer.resumePosition("journal-a", 700, true),
        "after a restart the writer must go on after the last batch stored, not store it again");
  }

  @Test
  void beforeTheMigrationHasRunThereIsNoPositionYet() {
    EmbeddedDataSource bare = new EmbeddedDataSource();
    bare.setDatabaseName("memory:ledger-unmigrated");
    bare.setCreateDatabase("create");
    writer.dataSource = bare;
    assertEquals(
        OptionalLong.empty(),
        writer.resumePosition("journal-a", 0, false),
        "the writer must wait for the schema, not fail or start from a guess");
  }

  @Test
  void whatAJournalHeldForAnotherDatabaseIsNotCountedHere() {
    assertEquals(
        OptionalLong.of(300),
        writer.resumePosition("journal-a", 300, true),
        "clicks journaled for another database must not be stored in this one");
    assertEquals(
        OptionalLong.of(300),
        writer.resumePosition("journal-a", 300, true),
        "and not on the next start");
  }

  @Test
  void aJournalShorterThanWhatWasStoredFromItGoesOnFromWhereItStands() {
    writer.resumePosition("journal-a", 0, false);
    append(clicks(1, 5, 0)); // position 500
    assertEquals(
        OptionalLong.of(200),
        writer.resumePosition("journal-a", 200, true),
        "its files were replaced");
    journalEnd = 200;
    append(clicks(1, 1, 20)); // position 300, below the 500 stored before
    assertEquals(
        OptionalLong.of(300),
        writer.resumePosition("journal-a", 300, true),
        "the latest batch says where the journal stands, not the highest position ever stored");
  }
}
