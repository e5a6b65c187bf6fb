#!/usr/bin/env bash
# Fault test for the outbound path: a bulk send of COUNT messages (default 20,000, each with two
# distinct URLs, one of them written twice), `kill -9` of the server while messages are still QUEUED
# and READY, a restart, and then SQL against PostgreSQL:
#   - every message of the batch ends SENT or FAILED, none stays QUEUED or READY;
#   - no message has two sets of short links: its links are exactly the distinct URLs of its body,
#     no position twice;
#   - the batch's processed (SENT + FAILED) is COUNT, and GET /api/batches/{id} says the same;
#   - the outbox holds each SENT message exactly once (and nothing for any other message), with the
#     tracked body the message shows.
# Prints the counts and exits non-zero on any violation.
#
# It starts its own server, a copy of the server `mvn verify` creates (so build first:
# `mvn -B -ntp -DskipTests verify`, with -Dliberty.env.LINKTRACK_HTTP_PORT=... if 9080 is taken), as
# server SERVER (default killbulk) on PostgreSQL database DB_NAME, which it drops and creates, with
# its own data folder (message store) under ear/target. PostgreSQL only: psql on the path.
#
#   bench/kill-bulk.sh
#   PORT=9184 JMS_PORT=7280 DB_NAME=linktrack_killbulk COUNT=20000 bench/kill-bulk.sh
#
# KILL_AT (default 0.3): the kill comes once this share of the batch is SENT. SETTLE (default 600):
# seconds to wait after the restart for the batch to finish (messages whose id had not reached the
# queue are queued again by the stranded sweep, linktrack.dispatch.stranded-after = 1 min).
# READY_TIMEOUT (default 600): seconds a (re)start may take before the script gives up.
# LT_AUTH (default admin:<random>): the administrator of the server it starts, user:password.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WLP=${WLP:-$HERE/../ear/target/liberty/wlp}
PORT=${PORT:-9184}
JMS_PORT=${JMS_PORT:-7280}
DB_NAME=${DB_NAME:-linktrack_killbulk}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_USER=${DB_USER:-postgres}
COUNT=${COUNT:-20000}
KILL_AT=${KILL_AT:-0.3}
SETTLE=${SETTLE:-600}
SERVER=${SERVER:-killbulk}
DATA=${DATA:-$HERE/../ear/target/kill-bulk-data}
BASE=http://localhost:$PORT
# the server this script starts gets this administrator (LINKTRACK_ADMIN_PASSWORD in its server.env)
LT_AUTH=${LT_AUTH:-admin:$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
command -v psql >/dev/null || { echo "psql is needed" >&2; exit 2; }
EAR=${EAR:-$HERE/../ear/target/linktrack.ear}
[ -f "$EAR" ] || { echo "no $EAR: mvn -B -ntp -DskipTests verify" >&2; exit 2; }
[ -d "$WLP/usr/servers/linktrack" ] || { echo "no server in $WLP: mvn -B -ntp -DskipTests verify" >&2; exit 2; }

# Every API call goes through here: switching on credentials is one variable.
api() {
  curl -sS -f -u "$LT_AUTH" -H 'Accept: application/json' "$@"
}
sql() {
  psql -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAtX -F ' ' -c "$1"
}
pid_of_server() {
  cat "$WLP/usr/servers/.pid/$SERVER.pid"
}
wait_ready() {
  for _ in $(seq 1 "${READY_TIMEOUT:-600}"); do
    curl -sf "$BASE/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "server did not get ready on $BASE" >&2
  exit 2
}

echo "== server $SERVER on $BASE (JMS $JMS_PORT), PostgreSQL database $DB_NAME"
if [ -f "$WLP/usr/servers/.pid/$SERVER.pid" ]; then "$WLP/bin/server" stop "$SERVER" >/dev/null || true; fi
rm -rf "$WLP/usr/servers/$SERVER" "$DATA"
mkdir -p "$DATA"
cp -r "$WLP/usr/servers/linktrack" "$WLP/usr/servers/$SERVER"
rm -rf "$WLP/usr/servers/$SERVER/logs" "$WLP/usr/servers/$SERVER/workarea" "$WLP/usr/servers/$SERVER/apps"/*
# the production JVM options (the test server's settings, an admin password among them, are in its
# bootstrap.properties, written anew below)
cp "$HERE/../liberty-config/jvm.options" "$WLP/usr/servers/$SERVER/jvm.options"
# The packaged EAR, not the loose one `mvn verify` deploys: a rebuild during the test changes nothing.
mkdir -p "$WLP/usr/servers/$SERVER/apps"
cp "$EAR" "$WLP/usr/servers/$SERVER/apps/linktrack.ear"
# server.env overrides the environment, and bootstrap.properties overrides both: write our own.
cat > "$WLP/usr/servers/$SERVER/server.env" <<EOF
LINKTRACK_DB=postgresql
LINKTRACK_DB_HOST=$DB_HOST
LINKTRACK_DB_USER=$DB_USER
LINKTRACK_DB_NAME=$DB_NAME
LINKTRACK_HTTP_PORT=$PORT
LINKTRACK_JMS_PORT=$JMS_PORT
LINKTRACK_SHORT_BASE_URL=$BASE
LINKTRACK_ADMIN_USER=${LT_AUTH%%:*}
LINKTRACK_ADMIN_PASSWORD=${LT_AUTH#*:}
EOF
echo "LINKTRACK_DATA_DIR=$DATA" > "$WLP/usr/servers/$SERVER/bootstrap.properties"
psql -h "$DB_HOST" -U "$DB_USER" -d postgres -qX -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" \
  -c "CREATE DATABASE $DB_NAME" >/dev/null
"$WLP/bin/server" start "$SERVER" --clean >/dev/null
trap '"$WLP/bin/server" stop "$SERVER" >/dev/null 2>&1 || true' EXIT
wait_ready

echo "== bulk send of $COUNT messages, two distinct URLs each"
REQUEST=$(mktemp)
python3 - "$COUNT" > "$REQUEST" <<'PY'
import json, sys
n = int(sys.argv[1])
# URLs end at a space: the SQL below finds them again with a simple pattern.
body = ("Hi {{name}}, your offer https://example.com/o/{{n}} and the shop https://shop.example.com/c/{{n}}?ref=sms"
        " - the offer again: https://example.com/o/{{n}} - reply STOP")
print(json.dumps({"channel": "SMS", "body": body,
                  "recipients": [{"to": "+1555%07d" % i, "fields": {"name": "Ann %d" % i, "n": i}}
                                 for i in range(n)]}))
PY
T0=$(date +%s)
BATCH=$(api -X POST -H 'Content-Type: application/json' --data-binary "@$REQUEST" "$BASE/api/messages/bulk" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
rm -f "$REQUEST"
echo "batch $BATCH accepted in $(( $(date +%s) - T0 )) s"

status_counts() {
  sql "SELECT string_agg(STATUS || '=' || n, ' ' ORDER BY STATUS) FROM
       (SELECT STATUS, COUNT(*) n FROM LT_MESSAGE WHERE BATCH_ID = $BATCH GROUP BY STATUS) s"
}
KILL_SENT=$(python3 -c "print(int($COUNT * $KILL_AT))")
while true; do
  SENT=$(sql "SELECT COUNT(*) FROM LT_MESSAGE WHERE BATCH_ID = $BATCH AND STATUS = 'SENT'")
  [ "$SENT" -ge "$KILL_SENT" ] && break
  [ $(( $(date +%s) - T0 )) -ge 600 ] && { echo "batch did not progress" >&2; exit 2; }
  sleep 0.5
done
PID=$(pid_of_server)
kill -9 "$PID"
echo "kill -9 $PID at: $(status_counts)"
sleep 2
echo "== restarting"
"$WLP/bin/server" start "$SERVER" >/dev/null
wait_ready
RESTARTED=$(date +%s)
while true; do
  FINISHED=$(api "$BASE/api/batches/$BATCH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["finished"])')
  [ "$FINISHED" = True ] && break
  [ $(( $(date +%s) - RESTARTED )) -ge "$SETTLE" ] && break
  sleep 2
done
echo "batch finished: $FINISHED, $(( $(date +%s) - RESTARTED )) s after the server was ready again"
echo "after the restart: $(status_counts)"
BATCH_VIEW=$(api "$BASE/api/batches/$BATCH")
echo "GET /api/batches/$BATCH: $BATCH_VIEW"

# One row of figures, then the checks in Python (a violation is any of them non-zero).
read -r TOTAL SENT FAILED OPEN LINKS WRONG_LINKS DUP_POS OUTBOX OUTBOX_DUP OUTBOX_WRONG <<<"$(sql "
WITH m AS (SELECT ID, STATUS, TRACKED_BODY, BODY FROM LT_MESSAGE WHERE BATCH_ID = $BATCH),
urls AS (SELECT m.ID, COUNT(DISTINCT u[1]) n FROM m, regexp_matches(m.BODY, '(https?://\S+)', 'g') u GROUP BY m.ID),
links AS (SELECT l.MESSAGE_ID ID, COUNT(*) n, COUNT(DISTINCT l.ORIGINAL_URL) urls FROM LT_LINK l JOIN m ON m.ID = l.MESSAGE_ID GROUP BY l.MESSAGE_ID),
o AS (SELECT o.MESSAGE_ID, o.BODY FROM LT_OUTBOX o JOIN m ON m.ID = o.MESSAGE_ID)
SELECT
  (SELECT COUNT(*) FROM m),
  (SELECT COUNT(*) FROM m WHERE STATUS = 'SENT'),
  (SELECT COUNT(*) FROM m WHERE STATUS = 'FAILED'),
  (SELECT COUNT(*) FROM m WHERE STATUS IN ('QUEUED', 'READY')),
  (SELECT COALESCE(SUM(n), 0) FROM links),
  -- a message that was shortened has exactly its distinct URLs as links, each URL once
  (SELECT COUNT(*) FROM m JOIN urls ON urls.ID = m.ID LEFT JOIN links ON links.ID = m.ID
    WHERE (m.STATUS = 'SENT' AND (COALESCE(links.n, 0) <> urls.n OR links.urls <> urls.n))
       OR COALESCE(links.n, 0) > urls.n),
  (SELECT COUNT(*) FROM (SELECT 1 FROM LT_LINK l JOIN m ON m.ID = l.MESSAGE_ID
    GROUP BY l.MESSAGE_ID, l.POSITION HAVING COUNT(*) > 1) d),
  (SELECT COUNT(*) FROM o),
  (SELECT COUNT(*) - COUNT(DISTINCT MESSAGE_ID) FROM o),
  -- outbox rows for messages not SENT, SENT messages without their row, or another body
  (SELECT COUNT(*) FROM m FULL JOIN o ON o.MESSAGE_ID = m.ID
    WHERE (m.STATUS = 'SENT') IS DISTINCT FROM (o.MESSAGE_ID IS NOT NULL)
       OR (o.MESSAGE_ID IS NOT NULL AND o.BODY IS DISTINCT FROM m.TRACKED_BODY))
")"
python3 - "$COUNT" "$BATCH_VIEW" "$TOTAL" "$SENT" "$FAILED" "$OPEN" "$LINKS" "$WRONG_LINKS" \
  "$DUP_POS" "$OUTBOX" "$OUTBOX_DUP" "$OUTBOX_WRONG" <<'PY'
import json, sys
count, view = int(sys.argv[1]), json.loads(sys.argv[2])
total, sent, failed, still_open, links, wrong_links, dup_pos, outbox, outbox_dup, outbox_wrong = map(int, sys.argv[3:])
print("messages in the batch                       %d (sent %d)" % (total, count))
print("SENT                                        %d" % sent)
print("FAILED                                      %d" % failed)
print("still QUEUED or READY                       %d" % still_open)
print("short links                                 %d (%.2f per message)" % (links, links / max(total, 1)))
print("messages whose links are not their URLs     %d" % wrong_links)
print("link positions taken twice                  %d" % dup_pos)
print("outbox rows                                 %d" % outbox)
print("outbox rows for a message already there     %d" % outbox_dup)
print("outbox rows not matching a SENT message     %d" % outbox_wrong)
print("batch processed / failed / finished (API)   %d / %d / %s" % (view["processed"], view["failed"], view["finished"]))
violations = []
if total != count: violations.append("the batch holds %d messages, not %d" % (total, count))
if still_open: violations.append("%d messages stuck QUEUED or READY" % still_open)
if sent + failed != count: violations.append("SENT + FAILED = %d, not %d" % (sent + failed, count))
if wrong_links or dup_pos: violations.append("messages with a second set of short links")
if outbox_dup or outbox_wrong or outbox != sent: violations.append("outbox does not hold each SENT message once")
# processed counts SENT and FAILED messages alike (failed is the FAILED part of it)
if view["processed"] != count or view["failed"] != failed or not view["finished"]:
    violations.append("the batch view does not show the batch finished")
print("RESULT", "nothing lost, nothing twice" if not violations else "VIOLATIONS: " + "; ".join(violations))
sys.exit(1 if violations else 0)
PY
