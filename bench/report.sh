#!/usr/bin/env bash
# Campaign report benchmark: how long does GET /api/campaigns/{id}/report take with 1,000,000
# messages and 10,000,000 clicks in the database? Run it against a server you started yourself on
# PostgreSQL, on loopback:
#
#   mvn liberty:run -Dlinktrack.db=postgresql -Dliberty.env.LINKTRACK_DB_NAME=linktrack_bench
#   PGDATABASE=linktrack_bench bench/report.sh [base-url]
#
# 1. seeds with SQL (generate_series), once: one campaign of 1,000,000 SMS, each with the same
#    five URLs (one link row each, 5,000,000 links), and 10,000,000 click rows spread over them,
#    each counted into its link and the campaign counters as a fold would,
# 2. calls the report REPORTS times and prints the slowest and the median time.
set -euo pipefail
BASE=${1:-${BASE:-http://localhost:9080}}
REPORTS=${REPORTS:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-linktrack}
case "$BASE" in http://localhost*|http://127.*) ;; *) echo "loopback only: $BASE" >&2; exit 2;; esac
source "$(cd "$(dirname "$0")" && pwd)/lt_auth.sh"   # LT_AUTH=user:password or LT_API_KEY=lt_... (an admin)
PSQL="psql -v ON_ERROR_STOP=1 -q -t -A"
CAMPAIGN=2000000000   # far above the application's sequences
if [ "$($PSQL -c "SELECT COUNT(*) FROM LT_CAMPAIGN WHERE ID = $CAMPAIGN")" = 0 ]; then
  echo "== seeding 1,000,000 messages, 5,000,000 links, 10,000,000 clicks (several minutes)"
  $PSQL <<SQL
BEGIN;
INSERT INTO LT_CAMPAIGN (ID, NAME, TRACK_LINKS, CREATED_AT) VALUES ($CAMPAIGN, 'report bench', TRUE, now());
INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, TRACKED_BODY, STATUS, CAMPAIGN_ID, CREATED_AT, ENQUEUED_AT)
  SELECT $CAMPAIGN + g, 'SMS', '+1555' || g, 'bench', 'bench', 'SENT', $CAMPAIGN, now(), now()
  FROM generate_series(1, 1000000) g;
INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, CAMPAIGN_ID, ORIGINAL_URL, POSITION, CREATED_AT)
  SELECT $CAMPAIGN::bigint * 10 + g * 5 + p, 'R' || lpad(to_hex(g * 5 + p), 10, '0'), $CAMPAIGN + g,
         $CAMPAIGN, 'https://shop.example.com/report/' || p, p, now()
  FROM generate_series(1, 1000000) g, generate_series(0, 4) p;
-- ten million clicks: a third of the messages clicked, skewed towards the first URL, 5 % bots
INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, USER_AGENT, BOT, BOT_REASON)
  SELECT $CAMPAIGN::bigint * 10 + m * 5 + (CASE WHEN k % 10 < 6 THEN 0 ELSE k % 5 END),
         $CAMPAIGN + m, now() - (k || ' seconds')::interval, 'bench',
         k % 20 = 0, CASE WHEN k % 20 = 0 THEN 'USER_AGENT' END
  FROM generate_series(1, 10000000) k, LATERAL (SELECT 1 + (k::bigint * 7919) % 333333 AS m) s;
UPDATE LT_LINK l SET CLICKS = c.people, BOT_CLICKS = c.bots, FIRST_CLICK = c.first, LAST_CLICK = c.last
  FROM (SELECT LINK_ID, COUNT(*) FILTER (WHERE NOT BOT) AS people, COUNT(*) FILTER (WHERE BOT) AS bots,
               MIN(CLICKED_AT) AS first, MAX(CLICKED_AT) AS last FROM LT_CLICK
        WHERE MESSAGE_ID > $CAMPAIGN GROUP BY LINK_ID) c
  WHERE l.ID = c.LINK_ID;
-- the campaign counters as the folds keep them (the same statements as migration V7)
UPDATE LT_CAMPAIGN SET
  MESSAGES_SENT = 1000000,
  MESSAGES_CLICKED = (SELECT COUNT(DISTINCT MESSAGE_ID) FROM LT_LINK WHERE CAMPAIGN_ID = $CAMPAIGN AND CLICKS > 0),
  CLICKS = (SELECT SUM(CLICKS) FROM LT_LINK WHERE CAMPAIGN_ID = $CAMPAIGN),
  BOT_CLICKS = (SELECT SUM(BOT_CLICKS) FROM LT_LINK WHERE CAMPAIGN_ID = $CAMPAIGN)
  WHERE ID = $CAMPAIGN;
INSERT INTO LT_CAMPAIGN_URL (CAMPAIGN_ID, URL_KEY, ORIGINAL_URL, CLICKS, UNIQUE_CLICKS, BOT_CLICKS)
  SELECT CAMPAIGN_ID, encode(sha256(convert_to(ORIGINAL_URL, 'UTF8')), 'hex'), ORIGINAL_URL,
         SUM(CLICKS), SUM(CASE WHEN CLICKS > 0 THEN 1 ELSE 0 END), SUM(BOT_CLICKS)
  FROM LT_LINK WHERE CAMPAIGN_ID = $CAMPAIGN GROUP BY CAMPAIGN_ID, ORIGINAL_URL;
COMMIT;
ANALYZE;
SQL
fi
echo "== rows: $($PSQL -c "SELECT (SELECT COUNT(*) FROM LT_MESSAGE) || ' messages, ' || (SELECT COUNT(*) FROM LT_CLICK) || ' clicks'")"
curl -sf "${AUTH[@]}" "$BASE/api/campaigns/$CAMPAIGN/report" > /dev/null   # first call: connection and JIT
for _ in $(seq 1 "$REPORTS"); do
  curl -sf "${AUTH[@]}" -o /dev/null -w '%{time_total}\n' "$BASE/api/campaigns/$CAMPAIGN/report"
done | sort -n | awk '{t[NR]=$1} END {printf "report over %d calls: median %.1f ms, slowest %.1f ms\n", NR, t[int((NR+1)/2)]*1000, t[NR]*1000}'
curl -sf "${AUTH[@]}" "$BASE/api/campaigns/$CAMPAIGN/report?size=5" | python3 -c 'import json,sys; r=json.load(sys.stdin); print({k: r[k] for k in ("messagesSent","messagesClicked","clickThroughRate","clicks","uniqueClicks","botClicks","linksTotal")})'
