#!/usr/bin/env bash
# Sign-in burst at several bcrypt costs, each next to a trivial-GET baseline taken in the same run.
#   mvn -B -q package -DskipTests && BENCH_DB=convquiz_bench COSTS="10 8 7" USERS=100 bench/signin.sh
# First prints the milliseconds of one bcrypt comparison per cost (bench/BcryptCost.java, one thread).
# WIPES the database it is given (Flyway clean at start). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:?set BENCH_DB to a scratch database}
USERS=${USERS:-100}
THREADS=${THREADS:-100}
PORT=${PORT:-8099}
BASE=http://127.0.0.1:$PORT
APPDIR=${BENCH_APP:-target/quarkus-app}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 $DB"
mkdir -p /tmp/convquiz-bench
javac -d /tmp/convquiz-bench bench/LoadDriver.java
DRIVER="java -cp /tmp/convquiz-bench LoadDriver"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU of one bcrypt comparison per cost, with the app's own library: the ceiling any burst can reach.
javac -cp "$APPDIR/lib/main/*" -d /tmp/convquiz-bench bench/BcryptCost.java
java -cp "$APPDIR/lib/main/*:/tmp/convquiz-bench" BcryptCost "${BCRYPT_FROM:-6}" "${BCRYPT_TO:-12}"
for cost in ${COSTS:-10 8 7}; do
  clean=true
  env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
      CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off CONVQUIZ_PASSWORD_COST=$cost \
      CONVQUIZ_SIGN_IN_ADDRESS_FAILURES=1000000 QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START=$clean \
      java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > /tmp/convquiz-bench/signin-app.log 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break; sleep 0.1; done
  $PSQL -v students="$USERS" -v cost="$cost" -f bench/data.sql > /dev/null
  echo "== bcrypt cost $cost"
  $DRIVER get "$BASE/q/health/live" 8 5
  $DRIVER signins "$BASE" "$USERS" "$THREADS" > /dev/null   # warm-up (JIT, pool), not counted
  $DRIVER signins "$BASE" "$USERS" "$THREADS"
  kill $APP; wait $APP 2>/dev/null || true
done
