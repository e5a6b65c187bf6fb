-- Server-wide settings that every server must share, such as the key behind the tags of short
-- codes when linktrack.links.code-key is not configured (generated once by the first server).
CREATE TABLE LT_SETTING (
  NAME VARCHAR(100) NOT NULL PRIMARY KEY,
  SETTING_VALUE VARCHAR(1000) NOT NULL,
  CREATED_AT TIMESTAMP NOT NULL
);
