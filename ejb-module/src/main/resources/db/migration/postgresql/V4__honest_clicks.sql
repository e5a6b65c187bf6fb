-- Honest clicks: every hit is classified HUMAN or BOT before it counts (docs/architecture.md,
-- "Bot and scanner filtering"). Bot hits are kept, with their reason, but count only as bot clicks.
ALTER TABLE LT_CLICK ADD COLUMN BOT BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE LT_CLICK ADD COLUMN BOT_REASON VARCHAR(32);
-- Parsed from the user agent when the click is stored (Yauaa).
ALTER TABLE LT_CLICK ADD COLUMN DEVICE_CLASS VARCHAR(40);
ALTER TABLE LT_CLICK ADD COLUMN OPERATING_SYSTEM VARCHAR(80);
ALTER TABLE LT_CLICK ADD COLUMN BROWSER VARCHAR(80);

-- CLICKS, FIRST_CLICK and LAST_CLICK count people only; bot hits are counted here.
ALTER TABLE LT_LINK ADD COLUMN BOT_CLICKS BIGINT DEFAULT 0 NOT NULL;

-- When the message was handed to its channel: a hit within seconds of it is a scanner.
ALTER TABLE LT_MESSAGE ADD COLUMN SENT_AT TIMESTAMP(6);
