-- A click is written to its server's click journal (a local append-only file) before its redirect
-- is answered, and from there to LT_CLICK in batches (docs/architecture.md, "Click journal").
-- Each batch row says which journal it came from and the journal position it reaches, committed
-- with its click rows: after a crash the writer goes on from the last committed position of its
-- journal, so every journaled click is stored exactly once.
ALTER TABLE LT_CLICK_BATCH ADD COLUMN JOURNAL_ID VARCHAR(36);
ALTER TABLE LT_CLICK_BATCH ADD COLUMN JOURNAL_END BIGINT;
CREATE INDEX LT_CLICK_BATCH_JOURNAL ON LT_CLICK_BATCH (JOURNAL_ID, ID);

-- The journals this database takes clicks from, and the position it took each on at. A journal
-- another database had claimed (a data folder pointed at a new database) is taken on from where it
-- stood when the server opened it: what it held before is never counted here.
CREATE TABLE LT_CLICK_JOURNAL (
  ID VARCHAR(36) NOT NULL PRIMARY KEY,
  STARTS_AT BIGINT NOT NULL,
  OPENED_AT TIMESTAMP(6) NOT NULL
);
