-- Custom links, link expiry and retirement, campaign UTM parameters (issue 4).
-- Keep in step with db/migration/postgresql.

-- A custom link has no message but a name; its campaign is its own. A message link copies its
-- message's campaign, so links can be listed and exported by campaign through one index.
ALTER TABLE LT_LINK ADD COLUMN NAME VARCHAR(200);
ALTER TABLE LT_LINK ADD COLUMN CAMPAIGN_ID BIGINT;
ALTER TABLE LT_LINK ADD CONSTRAINT LT_LINK_CAMPAIGN_FK
  FOREIGN KEY (CAMPAIGN_ID) REFERENCES LT_CAMPAIGN (ID);
UPDATE LT_LINK SET CAMPAIGN_ID =
  (SELECT m.CAMPAIGN_ID FROM LT_MESSAGE m WHERE m.ID = LT_LINK.MESSAGE_ID)
  WHERE MESSAGE_ID IS NOT NULL;
-- After EXPIRES_AT a link sends recipients to the fallback URL (or answers 410) instead.
ALTER TABLE LT_LINK ADD COLUMN EXPIRES_AT TIMESTAMP;
-- A retired custom link answers 410 Gone; the row and its counters stay for the reports.
ALTER TABLE LT_LINK ADD COLUMN RETIRED_AT TIMESTAMP;
CREATE INDEX LT_LINK_CAMPAIGN ON LT_LINK (CAMPAIGN_ID, CREATED_AT);
CREATE INDEX LT_LINK_CREATED ON LT_LINK (CREATED_AT);

-- Added to the destinations of a campaign's messages when they are shortened.
ALTER TABLE LT_CAMPAIGN ADD COLUMN UTM_SOURCE VARCHAR(200);
ALTER TABLE LT_CAMPAIGN ADD COLUMN UTM_MEDIUM VARCHAR(200);
ALTER TABLE LT_CAMPAIGN ADD COLUMN UTM_CAMPAIGN VARCHAR(200);
ALTER TABLE LT_CAMPAIGN ADD COLUMN UTM_CONTENT VARCHAR(200);
ALTER TABLE LT_CAMPAIGN ADD COLUMN UTM_TERM VARCHAR(200);
