#!/usr/bin/env bash
# Rule pass benchmark: 1,000,000 stored messages, 50 rules, 1,000 new clicks; how long does one
# rule pass take? Run it against a server you started yourself on PostgreSQL, on loopback:
#
#   mvn liberty:run -Dlinktrack.db=postgresql -Dliberty.env.LINKTRACK_DB_NAME=linktrack_bench
#   bench/rules.sh [base-url]            default http://localhost:9080
#   PGDATABASE=linktrack_bench ROUNDS=3 bench/rules.sh
#
# 1. seeds the database with SQL (generate_series): 100 campaigns, 1,000,000 messages of 200,000
#    contacts, one tracked link each (done once; later runs reuse the rows),
# 2. creates 50 rules through the API (all scopes and metrics, some with urlContains, campaignId
#    and withinMinutes; each creates a task when it fires),
# 3. per round, commits 1,000 clicks on random seeded links in one transaction, the way the click
#    ledger does (click rows plus link counters), and waits for the pass that takes them,
# 4. prints the pass figures the server reports at GET /api/rules/status (evaluation time from the
#    pass's first statement to its last, before the commit).
set -euo pipefail
BASE=${1:-${BASE:-http://localhost:9080}}
ROUNDS=${ROUNDS:-3}
CLICKS=${CLICKS:-1000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-linktrack}
case "$BASE" in http://localhost*|http://127.*) ;; *) echo "loopback only: $BASE" >&2; exit 2;; esac
source "$(cd "$(dirname "$0")" && pwd)/lt_auth.sh"   # LT_AUTH=user:password or LT_API_KEY=lt_... (an admin)
command -v psql >/dev/null || { echo "psql is needed" >&2; exit 2; }
PSQL="psql -v ON_ERROR_STOP=1 -q -t -A"

# Seeded rows live far above the application's sequences, so they never collide with its ids.
FIRST=1000000000
SEEDED=$($PSQL -c "SELECT COUNT(*) FROM LT_MESSAGE WHERE ID > $FIRST")
if [ "$SEEDED" -lt 1000000 ]; then
  echo "== seeding 1,000,000 messages and links (takes a minute or two)"
  $PSQL <<SQL
INSERT INTO LT_CAMPAIGN (ID, NAME, TRACK_LINKS, CREATED_AT)
  SELECT $FIRST + c, 'bench campaign ' || c, TRUE, now() FROM generate_series(1, 100) c
  ON CONFLICT DO NOTHING;
INSERT INTO LT_MESSAGE (ID, CHANNEL, RECIPIENT, BODY, TRACKED_BODY, STATUS, CAMPAIGN_ID,
                        CONTACT_ID, CREATED_AT, ENQUEUED_AT)
  SELECT $FIRST + g, 'SMS', '+1555' || g, 'bench', 'bench', 'SENT', $FIRST + 1 + g % 100,
         'bench-' || (g % 200000), now(), now()
  FROM generate_series(1, 1000000) g;
-- a message's link carries its message's campaign, as the application writes it
INSERT INTO LT_LINK (ID, CODE, MESSAGE_ID, CAMPAIGN_ID, ORIGINAL_URL, POSITION, CLICKS, CREATED_AT)
  SELECT $FIRST + g, 'B' || lpad(g::text, 9, '0'), $FIRST + g, $FIRST + 1 + g % 100,
         'https://shop.example.com/' || (CASE WHEN g % 4 = 0 THEN 'pricing' ELSE 'blog' END)
           || '/' || (g % 50),
         0, 0, now()
  FROM generate_series(1, 1000000) g;
ANALYZE LT_MESSAGE; ANALYZE LT_LINK;
SQL
fi
# a database seeded before the seed gave links their campaign
$PSQL -c "UPDATE LT_LINK SET CAMPAIGN_ID = $FIRST + 1 + (ID - $FIRST) % 100
          WHERE ID > $FIRST AND CAMPAIGN_ID IS NULL AND MESSAGE_ID IS NOT NULL" >/dev/null
echo "messages in the database: $($PSQL -c 'SELECT COUNT(*) FROM LT_MESSAGE')"

post_rule() {
  curl -sf "${AUTH[@]}" -o /dev/null -X POST "$BASE/api/rules" -H 'Content-Type: application/json' -d "$1"
}
TASK='"actions":[{"type":"CREATE_TASK","assignee":"bench","subject":"bench"}]'
RULES=$($PSQL -c "SELECT COUNT(*) FROM LT_RULE WHERE NAME LIKE 'bench %'")
if [ "$RULES" -lt 50 ]; then
  echo "== creating 50 rules"
  for i in $(seq 1 15); do
    post_rule "{\"name\":\"bench message $i\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":$i,$TASK}"
  done
  for i in $(seq 1 5); do
    post_rule "{\"name\":\"bench message pricing $i\",\"scope\":\"MESSAGE\",\"metric\":\"UNIQUE_CLICKS\",\"threshold\":0,\"urlContains\":\"/pricing/$i\",$TASK}"
  done
  for i in $(seq 1 10); do
    post_rule "{\"name\":\"bench link $i\",\"scope\":\"LINK\",\"metric\":\"CLICKS\",\"threshold\":$i,\"urlContains\":\"/$((i * 3))\",$TASK}"
  done
  for i in $(seq 1 10); do
    metric=$([ $((i % 2)) -eq 0 ] && echo CLICKS || echo UNIQUE_CLICKS)
    post_rule "{\"name\":\"bench contact $i\",\"scope\":\"CONTACT\",\"metric\":\"$metric\",\"threshold\":$((i + 1)),$TASK}"
  done
  for i in $(seq 1 5); do
    post_rule "{\"name\":\"bench campaign $i\",\"scope\":\"CAMPAIGN\",\"metric\":\"CLICKS\",\"threshold\":$((i * 1000)),\"campaignId\":$((FIRST + i)),$TASK}"
  done
  for i in $(seq 1 5); do
    post_rule "{\"name\":\"bench burst $i\",\"scope\":\"MESSAGE\",\"metric\":\"CLICKS\",\"threshold\":$((i + 1)),\"withinMinutes\":$((i * 10)),$TASK}"
  done
fi
echo "enabled rules: $($PSQL -c 'SELECT COUNT(*) FROM LT_RULE WHERE ENABLED')"

status() { curl -sf "${AUTH[@]}" "$BASE/api/rules/status"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin).get('$1'))"; }

for round in $(seq 1 "$ROUNDS"); do
  before=$(status | field lastPassAt)
  # the click ledger's append and fold, as SQL in one transaction: a batch of click rows counted
  # by the next fold number, then the counters of their links
  $PSQL <<SQL
BEGIN;
UPDATE LT_FOLD SET LAST_NO = LAST_NO + 1 WHERE ID = 1;
CREATE TEMP TABLE bench_clicks ON COMMIT DROP AS
  SELECT $FIRST + 1 + floor(random() * 1000000)::bigint AS link, clock_timestamp() AS at
  FROM generate_series(1, $CLICKS);
WITH batch AS (
  INSERT INTO LT_CLICK_BATCH (CLICKS, RECORDED_AT, FOLD_NO)
  SELECT $CLICKS, now(), LAST_NO FROM LT_FOLD WHERE ID = 1 RETURNING ID)
INSERT INTO LT_CLICK (LINK_ID, MESSAGE_ID, CLICKED_AT, USER_AGENT, BATCH_ID)
  SELECT link, link, at, 'bench', (SELECT ID FROM batch) FROM bench_clicks;
UPDATE LT_LINK l SET CLICKS = l.CLICKS + c.n,
    FIRST_CLICK = COALESCE(LEAST(l.FIRST_CLICK, c.first), c.first),
    LAST_CLICK = GREATEST(COALESCE(l.LAST_CLICK, c.last), c.last)
  FROM (SELECT link, COUNT(*) AS n, MIN(at) AS first, MAX(at) AS last
        FROM bench_clicks GROUP BY link) c
  WHERE l.ID = c.link;
COMMIT;
SQL
  for _ in $(seq 1 120); do
    now=$(status)
    if [ "$(echo "$now" | field lastPassAt)" != "$before" ]; then break; fi
    sleep 0.5
  done
  echo "round $round: $(echo "$now" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("%s new clicks, %s alerts fired, pass took %s ms" % (s["clicks"], s["alerts"], s["millis"]))')"
done
