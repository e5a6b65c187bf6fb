package io.linktrack.clicks.control;

import static io.linktrack.clicks.control.ClickFixture.DEVICES;
import static io.linktrack.clicks.control.ClickFixture.clicks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
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

  private final ClickWriter writer = new ClickWriter();
  private EmbeddedDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = ClickFixture.databaseWithTwoLinks();
    writer.dataSource = db;
    writer.devices = DEVICES;
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
