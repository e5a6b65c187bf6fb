-- User-agent texts an admin added to the bot list through the API (on top of the built-in list
-- and linktrack.bots.user-agents). Every server reloads them every 30 seconds.
CREATE TABLE LT_BOT_AGENT (
  AGENT_TEXT VARCHAR(200) NOT NULL PRIMARY KEY,
  CREATED_AT TIMESTAMP NOT NULL
);
