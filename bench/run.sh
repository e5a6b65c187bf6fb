#!/usr/bin/env bash
# Redirect benchmark. Starts nothing but load: run it against a server you started yourself
# (`mvn liberty:run`, or a packaged server), on this machine's loopback.
#
#   bench/run.sh [base-url]        default http://localhost:9080
#   LINKS=5000 CONNECTIONS=256 WARMUP=120s DURATION=30s THREADS=2 bench/run.sh
#   LT_AUTH=user:password or LT_API_KEY=lt_... (a sender or admin) for the API calls; the redirect
#   load itself carries no credentials, like a phone.
#
# 1. creates a bulk send of LINKS messages with one URL each (LINKS short links in all: random hits
#    on several links of one message within seconds would be judged a scanner's burst),
# 2. waits for the batch to be sent and collects the short links,
# 3. runs wrk over the links in random order for DURATION,
# 4. compares the clicks the server recorded with the 302 responses wrk received.
set -euo pipefail
BASE=${1:-${BASE:-http://localhost:9080}}
LINKS=${LINKS:-5000}
CONNECTIONS=${CONNECTIONS:-256}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/results}
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }
case "$BASE" in http://localhost*|http://127.*|http://\[::1\]*) ;; *) echo "loopback only: $BASE" >&2; exit 2;; esac
source "$HERE/lt_auth.sh"
export PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}"

MESSAGES=$LINKS
echo "== creating $MESSAGES messages with one link each on $BASE"
BATCH=$(python3 - "$BASE" "$MESSAGES" <<'PY'
import json, sys, urllib.request
from lt_auth import headers
base, n = sys.argv[1], int(sys.argv[2])
body = {"channel": "SMS",
        "body": "https://example.com/bench/{{n}}",
        "recipients": [{"to": "+1555%07d" % i, "fields": {"n": i}} for i in range(n)]}
req = urllib.request.Request(base + "/api/messages/bulk", json.dumps(body).encode(),
                             {"Content-Type": "application/json", **headers()})
print(json.load(urllib.request.urlopen(req))["id"])
PY
)
echo "batch $BATCH"

LINKS_FILE="$OUT/links-$BATCH.txt"
python3 - "$BASE" "$BATCH" "$LINKS_FILE" <<'PY'
import json, sys, time, urllib.request, urllib.parse
from lt_auth import headers
base, batch, path = sys.argv[1], sys.argv[2], sys.argv[3]
get = lambda p: json.load(urllib.request.urlopen(urllib.request.Request(base + p, headers=headers())))
deadline = time.time() + 600
while not get("/api/batches/%s" % batch)["finished"]:
    if time.time() > deadline: sys.exit("batch did not finish")
    time.sleep(1)
links, page = [], 0
while True:
    items = get("/api/messages?batchId=%s&size=500&page=%d" % (batch, page))["items"]
    if not items: break
    for m in items: links += [urllib.parse.urlparse(u).path for u in m["shortLinks"]]
    page += 1
open(path, "w").write("\n".join(links) + "\n")
print("%d short links" % len(links))
PY

clicks_recorded() {
  # --settled: counters trail clicks by a few seconds; wait until the count stops moving
  python3 "$HERE/clicks-recorded.py" "$BASE" "$BATCH" --settled
}

echo "== warm-up (${WARMUP:-120s}, not counted: lets the JIT compile the hot path)"
LINKS_FILE="$LINKS_FILE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-120s}" -s "$HERE/redirects.lua" "$BASE" > /dev/null
sleep 3
BEFORE=$(clicks_recorded)

echo "== load: $THREADS threads, $CONNECTIONS connections, $DURATION"
LINKS_FILE="$LINKS_FILE" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/redirects.lua" "$BASE" | tee "$OUT/wrk-$BATCH.txt"
sleep 3
AFTER=$(clicks_recorded)

python3 - "$OUT/wrk-$BATCH.txt" "$BEFORE" "$AFTER" "$CONNECTIONS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = dict(kv.split("=") for kv in re.search(r"BENCH (.*)", text).group(1).split())
before, after, conns = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
requests, bad = int(m["requests"]), int(m["non2xx3xx"])
redirected = requests - bad
seconds = int(m["duration_us"]) / 1e6
recorded = after - before
print("\nredirects/s      %.0f" % (redirected / seconds))
print("latency p50      %.1f ms" % (int(m["p50_us"]) / 1000))
print("latency p99      %.1f ms" % (int(m["p99_us"]) / 1000))
print("302s received    %d  (other statuses %d, socket errors %s)" % (redirected, bad,
      sum(int(m[k]) for k in ("connect", "read", "write", "timeout"))))
print("clicks recorded  %d" % recorded)
# wrk stops counting at the deadline while up to one request per connection is still in flight;
# those clicks are recorded by the server but not counted by wrk.
missing = redirected - recorded
print("lost clicks      %d" % max(missing, 0))
print("in flight at end %d (at most %d)" % (max(-missing, 0), conns))
ok = recorded >= redirected and recorded - redirected <= conns
print("RESULT", "every 302 recorded" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
PY
