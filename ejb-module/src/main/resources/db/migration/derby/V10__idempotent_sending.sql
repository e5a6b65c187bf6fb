-- Idempotent sending (docs/api.md#idempotent-sending). One row per Idempotency-Key a client sent
-- with POST /api/messages or /api/messages/bulk: the primary key is what stops two concurrent
-- retries from both sending. REQUEST_HASH is the hex SHA-256 of the endpoint and the request body.
CREATE TABLE LT_IDEMPOTENCY_KEY (
  IDEMPOTENCY_KEY VARCHAR(255) NOT NULL PRIMARY KEY,
  REQUEST_HASH CHAR(64) NOT NULL,
  MESSAGE_ID BIGINT REFERENCES LT_MESSAGE (ID),
  BATCH_ID BIGINT REFERENCES LT_BATCH (ID),
  CREATED_AT TIMESTAMP NOT NULL,
  EXPIRES_AT TIMESTAMP NOT NULL
);
CREATE INDEX LT_IDEMPOTENCY_KEY_EXPIRES ON LT_IDEMPOTENCY_KEY (EXPIRES_AT);

-- How many of a bulk send's recipients are stored: a retry of an acceptance cut short by a crash
-- stores the rest, and the original request and its retries never store a recipient twice.
ALTER TABLE LT_BATCH ADD COLUMN ACCEPTED INTEGER DEFAULT 0 NOT NULL;
UPDATE LT_BATCH SET ACCEPTED = (SELECT COUNT(*) FROM LT_MESSAGE m WHERE m.BATCH_ID = LT_BATCH.ID);
