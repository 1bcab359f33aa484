#!/usr/bin/env bash
# The SMTP tab under load, against a running app: signs up a fresh account, gives it 50 keys (the
# master key and 49 generated through the page, as a person would), signs in, then runs wrk on the
# tab and on a static asset of the same app in the same run, and prints both rates, the ratio and
# the tab's p99. docs/benchmarks.md ("The SMTP tab") says how to start the app for it.
#
#   src/bench/page-bench.sh [base URL, default http://localhost:18380]
#   env: CONNECTIONS (16), THREADS (2), DURATION (15s), KEYS (50),
#        WARMUP (90s per URL: the JIT compiler still compiles hundreds of methods per 10 s after 60 s of
#        load, and its threads' CPU counts as the app's),
#        APP_PID (the app's process id: then it also prints the app's CPU time per request, a figure
#        that other load on the machine disturbs less than the rates; with a local PostgreSQL it also
#        prints the database's CPU time per tab request, summed over its processes)
set -euo pipefail

BASE=${1:-http://localhost:18380}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-90s}
KEYS=${KEYS:-50}
PAGE=/settings/keys/smtp
ASSET=/static/app.css

jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token() { grep -o 'name="csrf-token" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }
get() { curl -fsS -b "$jar" -c "$jar" "$BASE$1"; }
post() { local path=$1; shift; curl -fsS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$BASE$path"; }

email="bench-$(date +%s)-$RANDOM@example.test"
password="bench-password-$RANDOM-$RANDOM"
csrf=$(get /signup | token)
code=$(post /signup --data-urlencode "csrf-token=$csrf" --data-urlencode "company=Page Bench" \
  --data-urlencode "j_username=$email" --data-urlencode "j_password=$password" --data-urlencode "repeat=$password")
[ "$code" = 307 ] || [ "$code" = 303 ] || { echo "sign-up failed: $code" >&2; exit 1; }
# sign-up answers 307 to the sign-in (a browser posts the form again there); sign in as a person would
rm -f "$jar"; jar=$(mktemp)
csrf=$(get /login | token)
code=$(post /j_security_check --data-urlencode "csrf-token=$csrf" \
  --data-urlencode "j_username=$email" --data-urlencode "j_password=$password")
[ "$code" = 302 ] || { echo "sign-in failed: $code" >&2; exit 1; }

for i in $(seq 2 "$KEYS"); do
  page=$(get $PAGE)
  csrf=$(printf '%s' "$page" | token)
  nonce=$(printf '%s' "$page" | grep -o 'name="nonce" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
  code=$(post $PAGE --data-urlencode "csrf-token=$csrf" --data-urlencode "nonce=$nonce" \
    --data-urlencode "name=Integration $i")
  [ "$code" = 200 ] || { echo "generating key $i failed: $code" >&2; exit 1; }
done
rows=$(get $PAGE | grep -c '<tr id="key-')
echo "account $email with $rows keys"

cookies=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookies" "$BASE$PAGE")
[ "$status" = 200 ] || { echo "the tab answers $status with the session's cookies" >&2; exit 1; }

run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Cookie: $cookies" "$BASE$2"; }
# the app's user + system CPU time so far, in clock ticks (0 without APP_PID)
ticks() { if [ -n "${APP_PID:-}" ]; then awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; else echo 0; fi; }
# the same for every local PostgreSQL process (0 when the database runs elsewhere)
db_ticks() { local t=0 p; for p in $(pgrep -x postgres || true); do
  t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
requests() { awk '/requests in/ { print $1 }'; }
cpu_per_request() {  # ticks before, ticks after, requests, what
  [ -n "${APP_PID:-}" ] || [ "$4" != app ] && awk -v t="$(( $2 - $1 ))" -v n="$3" -v hz="$(getconf CLK_TCK)" -v what="$4" \
    'BEGIN { if (t > 0) printf ", %s CPU %.3f ms/request", what, t * 1000 / hz / n }'
  return 0
}
rate() { awk '/^Requests\/sec/ { print $2 }'; }
p99() { awk '$1 == "99%" { print $2 }'; }
errors() { awk '/Non-2xx|Socket errors/ { print }'; }

run "$WARMUP" $PAGE >/dev/null
run "$WARMUP" $ASSET >/dev/null
t0=$(ticks); d0=$(db_ticks); page_out=$(run "$DURATION" $PAGE); t1=$(ticks); d1=$(db_ticks)
asset_out=$(run "$DURATION" $ASSET); t2=$(ticks)

page_rate=$(printf '%s\n' "$page_out" | rate)
asset_rate=$(printf '%s\n' "$asset_out" | rate)
printf '%s\n' "$page_out" "$asset_out" | errors
page_requests=$(printf '%s\n' "$page_out" | requests)
printf 'SMTP tab (%s keys): %s req/s, p99 %s%s%s\n' "$rows" "$page_rate" "$(printf '%s\n' "$page_out" | p99)" \
  "$(cpu_per_request "$t0" "$t1" "$page_requests" app)" "$(cpu_per_request "$d0" "$d1" "$page_requests" database)"
printf 'static asset %s: %s req/s, p99 %s%s\n' "$ASSET" "$asset_rate" "$(printf '%s\n' "$asset_out" | p99)" \
  "$(cpu_per_request "$t1" "$t2" "$(printf '%s\n' "$asset_out" | requests)" app)"
awk -v p="$page_rate" -v a="$asset_rate" 'BEGIN { printf "ratio tab / asset: %.3f\n", p / a }'
