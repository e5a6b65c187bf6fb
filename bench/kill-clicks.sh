#!/usr/bin/env bash
# Fault test for the click path: a redirect load, `kill -9` of the server in the middle, a restart,
# then the clicks the server recorded against the 302 responses the load tool received.
# Every 302 must be recorded: the redirect is only sent after its click is in the server's click
# journal, which the restarted server stores first (docs/architecture.md, "Click journal"). Clicks
# stored but not yet counted on their links when the server died are counted by the orphan sweep
# after the restart (linktrack.clicks.orphan-after, 30 s, plus up to 15 s), so the script waits up to
# SETTLE seconds (default 120) for the counters to reach the 302s received.
#
# Needs a server built and running from this checkout (`mvn liberty:run` or `mvn package` plus
# ear/target/liberty/wlp/bin/server start linktrack) and a links file from bench/run.sh:
#   LT_AUTH=user:password LINKS_FILE=bench/results/links-<batch>.txt BATCH=<batch> bench/kill-clicks.sh
set -euo pipefail
BASE=${BASE:-http://localhost:9080}
HERE=$(cd "$(dirname "$0")" && pwd)
WLP=${WLP:-$HERE/../ear/target/liberty/wlp}
: "${LINKS_FILE:?LINKS_FILE from bench/run.sh}" "${BATCH:?BATCH id of that links file}"
CONNECTIONS=${CONNECTIONS:-256}
SERVER=${SERVER:-linktrack}  # the Liberty server under $WLP/usr/servers that serves BASE
case "$BASE" in http://localhost*|http://127.*) ;; *) echo "loopback only" >&2; exit 2;; esac
source "$HERE/lt_auth.sh"   # LT_AUTH or LT_API_KEY: the click counts are read through the API

recorded() {
  python3 "$HERE/clicks-recorded.py" "$BASE" "$BATCH" "$@"
}

# counters trail clicks by seconds: a count read right after an earlier load would still grow
BEFORE=$(recorded --settled)
echo "clicks recorded before: $BEFORE"
LINKS_FILE="$LINKS_FILE" wrk -t2 -c"$CONNECTIONS" -d20s --timeout 5s -s "$HERE/redirects.lua" "$BASE" > /tmp/kill-wrk.txt &
WRK=$!
sleep 8
PID=$(pgrep -f "ws-server.jar.* $SERVER" | head -1)
echo "kill -9 $PID (server) in the middle of the load"
kill -9 "$PID"
wait $WRK || true
echo "restarting"
"$WLP/bin/server" start "$SERVER" >/dev/null
for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
RESTARTED=$(date +%s)
REDIRECTED=$(python3 - /tmp/kill-wrk.txt <<'PY'
import re, sys
m = dict(kv.split("=") for kv in re.search(r"BENCH (.*)", open(sys.argv[1]).read()).group(1).split())
print(int(m["requests"]) - int(m["non2xx3xx"]))
PY
)
while true; do
  AFTER=$(recorded)
  [ $(( AFTER - BEFORE )) -ge "$REDIRECTED" ] && break
  [ $(( $(date +%s) - RESTARTED )) -ge "${SETTLE:-120}" ] && break
  sleep 2
done
echo "counters reached the 302s $(( $(date +%s) - RESTARTED )) s after the server was ready again"
# then until they stop moving: a click counted twice would show up as more than the in-flight ones
AFTER=$(recorded --settled)
python3 - /tmp/kill-wrk.txt "$BEFORE" "$AFTER" "$CONNECTIONS" <<'PY'
import re, sys
m = dict(kv.split("=") for kv in re.search(r"BENCH (.*)", open(sys.argv[1]).read()).group(1).split())
redirected = int(m["requests"]) - int(m["non2xx3xx"])
recorded = int(sys.argv[3]) - int(sys.argv[2])
print("302s received before and after the kill  %d" % redirected)
print("clicks recorded                            %d" % recorded)
print("socket errors while the server was down    %d" % sum(int(m[k]) for k in ("connect", "read", "write", "timeout")))
# A click is journaled before its 302 is written: at the kill and when wrk stops, up to one
# request per connection can be recorded without wrk having counted its answer.
in_flight = 2 * int(sys.argv[4])
print("recorded beyond the 302s               %d (at most %d in flight)" % (max(recorded - redirected, 0), in_flight))
if recorded < redirected:
    print("RESULT LOST %d clicks" % (redirected - recorded))
elif recorded - redirected > in_flight:
    print("RESULT %d more clicks than requests: counted twice?" % (recorded - redirected - in_flight))
else:
    print("RESULT no click that got a 302 was lost, none counted twice")
sys.exit(0 if redirected <= recorded <= redirected + in_flight else 1)
PY
