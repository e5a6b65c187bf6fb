#!/usr/bin/env bash
# Two builds' redirect rate at the same hour, on the same machine: the machine's speed drifts from
# hour to hour by more than most changes are worth (docs/performance.md), so a change is measured
# against the build before it with both servers up side by side, bench/run.sh taking turns on them.
#
#   OLD_EAR=/tmp/old/linktrack.ear bench/side-by-side.sh        # NEW_EAR: ear/target/linktrack.ear
#   ROUNDS=3 WARMUP=60s DURATION=30s LINKS=5000 OLD_EAR=... NEW_EAR=... bench/side-by-side.sh
#
# Each server is a copy of the server `mvn verify` creates (WLP, default ear/target/liberty/wlp) with
# the production jvm.options, its own PostgreSQL database (dropped and created), data folder and
# ports (old 9281/JMS 7281, new 9282/JMS 7282). Every round runs bench/run.sh (a new batch of LINKS
# single-link messages, WARMUP, then DURATION of load) first on one, then on the other, starting with
# the old build in odd rounds and the new one in even rounds. Exits non-zero if any run lost a click.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WLP=${WLP:-$HERE/../ear/target/liberty/wlp}
OLD_EAR=${OLD_EAR:?the EAR of the build to compare against}
NEW_EAR=${NEW_EAR:-$HERE/../ear/target/linktrack.ear}
ROUNDS=${ROUNDS:-2}
export WARMUP=${WARMUP:-60s} DURATION=${DURATION:-30s} LINKS=${LINKS:-5000}
LT_AUTH=${LT_AUTH:-admin:$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
export LT_AUTH
OUT=${OUT:-$HERE/results}
mkdir -p "$OUT"
source "$HERE/bench-server.sh"

bench_server_start bench-old "$OLD_EAR" 9281 7281 linktrack_bench_old "$HERE/../ear/target/bench-old-data"
trap 'bench_server_stop bench-old; bench_server_stop bench-new' EXIT
bench_server_start bench-new "$NEW_EAR" 9282 7282 linktrack_bench_new "$HERE/../ear/target/bench-new-data"

SUMMARY="$OUT/side-by-side-$(date -u +%Y%m%dT%H%M%SZ).txt"
FAILED=0
run_on() {  # old|new PORT ROUND
  local log="$OUT/side-by-side-$1-round$3.txt"
  echo "== round $3: $1 build (port $2)"
  if ! "$HERE/run.sh" "http://localhost:$2" > "$log" 2>&1; then FAILED=1; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$3" "$1" \
    "$(awk '/^redirects\/s/ {print $2}' "$log")" \
    "$(awk '/^latency p50/ {print $3}' "$log")" \
    "$(awk '/^latency p99/ {print $3}' "$log")" \
    "$(awk '/^302s received/ {print $3}' "$log") / $(awk '/^clicks recorded/ {print $3}' "$log")" \
    "$(sed -n 's/^RESULT //p' "$log")" | tee -a "$SUMMARY"
}
printf 'round\tbuild\tredirects/s\tp50 ms\tp99 ms\t302s / hits recorded\tresult\n' | tee "$SUMMARY"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then
    run_on old 9281 "$round"; run_on new 9282 "$round"
  else
    run_on new 9282 "$round"; run_on old 9281 "$round"
  fi
done
echo "summary: $SUMMARY"
exit $FAILED
