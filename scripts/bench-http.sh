#!/usr/bin/env bash
# HTTP benchmark (issue 5, docs/benchmarks.md): GET /api/v1/ratings/{member} and the gate endpoint under wrk,
# beside nginx serving the same bodies as static files in the same run. Installs wrk and nginx (Debian) if
# missing, starts PostgreSQL, runs the packaged application (prod profile, sandbox clouds enabled, short
# methodology windows so a cloud is rated within minutes), waits for a rating, then measures:
#   1. throughput flat out (wrk -c $CONNS) for the application and for nginx -> ratio
#   2. latency at a paced load of about $RATE requests/s -> p50/p99
# Usage: scripts/bench-http.sh   (env: DURATION=20s CONNS=32 RATE=1000 MEMBER=aurora APP_PORT=8085 NGINX_PORT=8086)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/target/http-bench}"
APP_PORT="${APP_PORT:-8085}"
NGINX_PORT="${NGINX_PORT:-8086}"
DURATION="${DURATION:-20s}"
CONNS="${CONNS:-32}"
RATE="${RATE:-1000}"
MEMBER="${MEMBER:-aurora}"
DB="stackratings_http_bench"
ADMIN_KEY="bench-admin-key"

for pkg in wrk nginx; do
  command -v "$pkg" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null; }
done
# Debian starts nginx on port 80 after install; this benchmark runs its own instance.
rm -rf "$OUT" && mkdir -p "$OUT/www" "$OUT/tmp"

STACKRATINGS_TEST_DB="$DB" bash "$ROOT/scripts/postgres-test-db.sh" >/dev/null
su postgres -c "psql -qtAc 'drop database if exists $DB'" >/dev/null
STACKRATINGS_TEST_DB="$DB" bash "$ROOT/scripts/postgres-test-db.sh" >/dev/null

if [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]; then
  (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
fi

cleanup() {
  [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

STACKRATINGS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
STACKRATINGS_SECURITY_ADMIN_KEY="$ADMIN_KEY" \
STACKRATINGS_SECURITY_CREDENTIAL_KEY="$(head -c 32 /dev/urandom | base64)" \
STACKRATINGS_SANDBOX_ENABLED=true \
STACKRATINGS_MEMBER_API_INTERVAL=PT10S \
STACKRATINGS_MEMBER_LIFECYCLE_INTERVAL=PT2M \
STACKRATINGS_MEMBER_COMPLIANCE_INTERVAL=PT10M \
STACKRATINGS_METHODOLOGY_VERSION=2026.1-draft+http-bench \
STACKRATINGS_METHODOLOGY_WINDOW=PT15M \
STACKRATINGS_METHODOLOGY_MINIMUM_HISTORY=PT2M \
STACKRATINGS_METHODOLOGY_MINIMUM_COVERAGE=0.5 \
STACKRATINGS_RATING_INTERVAL=15s \
QUARKUS_HTTP_PORT="$APP_PORT" \
  java -Xmx1g -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$OUT/app.log" 2>&1 &
APP_PID=$!

APP="http://127.0.0.1:$APP_PORT"
echo "waiting for the application, a rating of $MEMBER and the end of the sandbox backfill (about a minute)..."
for _ in $(seq 1 120); do
  body="$(curl -s "$APP/api/v1/ratings/$MEMBER" || true)"
  if printf '%s' "$body" | grep -q '"rating":"[ABC]'; then break; fi
  sleep 5
done
printf '%s' "$body" | grep -q '"rating":"[ABC]' || { echo "no rating for $MEMBER; see $OUT/app.log" >&2; exit 1; }
# The sandbox backfill publishes ratings of past hours while it replays 90 days; measure after it has finished,
# not beside it.
for _ in $(seq 1 120); do
  grep -qE 'Sandbox backfill (GENERATED|RESUMED|SKIPPED)' "$OUT/app.log" && break
  sleep 5
done
grep -qE 'Sandbox backfill (GENERATED|RESUMED|SKIPPED)' "$OUT/app.log" || { echo "the sandbox backfill did not finish; see $OUT/app.log" >&2; exit 1; }

# Same bodies for nginx, at the same paths.
mkdir -p "$OUT/www/api/v1/ratings" "$OUT/www/api/v1/gate"
curl -s "$APP/api/v1/ratings/$MEMBER" >"$OUT/www/api/v1/ratings/$MEMBER"
targets=("ratings /api/v1/ratings/$MEMBER")
# Exchanges call the gate with an exchange key of their own (issued here with the bootstrap admin key).
EXCHANGE_KEY="$(curl -s -X POST -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"role":"exchange","label":"http benchmark"}' "$APP/api/v1/keys" | sed -n 's/.*"key":"\(sr_[0-9a-f_]*\)".*/\1/p')"
[ -n "$EXCHANGE_KEY" ] || { echo "could not issue an exchange key; see $OUT/app.log" >&2; exit 1; }
gate_status="$(curl -s -o "$OUT/www/api/v1/gate/$MEMBER" -w '%{http_code}' -H "Authorization: Bearer $EXCHANGE_KEY" \
  "$APP/api/v1/gate/$MEMBER?minRating=Baa3")"
if [ "$gate_status" = 200 ]; then
  targets+=("gate /api/v1/gate/$MEMBER?minRating=Baa3")
else
  rm -f "$OUT/www/api/v1/gate/$MEMBER"
fi
sed -e "s|@DIR@|$OUT|g" -e "s|@PORT@|$NGINX_PORT|g" "$ROOT/scripts/bench/nginx.conf.template" >"$OUT/nginx.conf"
nginx -c "$OUT/nginx.conf"
NGINX="http://127.0.0.1:$NGINX_PORT"

pace_ms=$(( CONNS * 1000 / RATE ))
header() { # name: the header its requests carry (buyers read ratings without a key; exchanges gate with theirs)
  case "$1" in *gate*) echo "Authorization: Bearer $EXCHANGE_KEY" ;; *) echo "X-Client: buyer" ;; esac
}
run() { # name url mode
  local script args=()
  if [ "$3" = flat ]; then script=flat-out.lua; else script=paced.lua; args=("$pace_ms"); fi
  wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$ROOT/scripts/bench/$script" "$2" -- "${args[@]}" \
      "$(header "$1")" | grep '^SUMMARY' | sed "s|^SUMMARY|$1|"
}

echo "warm-up (JIT), 20 s per endpoint ..."
for t in "${targets[@]}"; do
  wrk -t2 -c"$CONNS" -d20s "$APP${t#* }" -H "$(header "${t%% *}")" >/dev/null
done

echo "== flat out: $CONNS connections, $DURATION each ($(nproc) cores shared by wrk, nginx, the application, PostgreSQL and the sandbox)"
for t in "${targets[@]}"; do
  name="${t%% *}"; path="${t#* }"
  run "app-$name" "$APP$path" flat | tee -a "$OUT/results.txt"
  run "nginx-$name" "$NGINX${path%%\?*}" flat | tee -a "$OUT/results.txt"
done
echo "== paced: about $RATE requests/s ($CONNS connections, one request every $pace_ms ms each)"
for t in "${targets[@]}"; do
  name="${t%% *}"; path="${t#* }"
  run "app-$name-paced" "$APP$path" paced | tee -a "$OUT/results.txt"
  run "nginx-$name-paced" "$NGINX${path%%\?*}" paced | tee -a "$OUT/results.txt"
done
echo "body sizes: $(wc -c "$OUT"/www/api/v1/*/"$MEMBER" | head -n -1 | awk '{printf "%s %s bytes; ", $2, $1}')"
echo "results in $OUT/results.txt, application log in $OUT/app.log"
