#!/usr/bin/env bash
# ConvQuiz load suite: loopback only, bounded in requests and seconds. Every scenario is reported next
# to a baseline taken in the same run (pgbench one-row inserts for writes, a trivial GET for HTTP).
# WIPES the database it is given (Flyway clean at start). Usage:
#   BENCH_DB=convquiz_test_scale STUDENTS=10000 bench/run.sh        (needs psql, pgbench, java 17, a built app)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-convquiz_test_scale}
STUDENTS=${STUDENTS:-10000}
SECONDS_EACH=${SECONDS_EACH:-15}
PORT=${BENCH_PORT:-18089}
BASE=http://127.0.0.1:$PORT
export PGPASSWORD=${PGPASSWORD:-postgres}
PSQL="psql -q -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1"
OUT=${BENCH_OUT:-target/bench}
mkdir -p "$OUT" /tmp/convquiz-bench
# BENCH_APP: another build's quarkus-app folder (e.g. of an older commit, for before/after numbers)
APPDIR=${BENCH_APP:-target/quarkus-app}
[ -f "$APPDIR/quarkus-run.jar" ] || mvn -B -q package -DskipTests
javac -d /tmp/convquiz-bench bench/LoadDriver.java
DRIVER="java -cp /tmp/convquiz-bench LoadDriver"

start_app() { # $1 = extra env (clean or not); prints ms to ready and RSS
  local t0; t0=$(date +%s%N)
  env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
      CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off \
      QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START="$1" \
      java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > "$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    if curl -fs "$BASE/q/health/ready" > /dev/null 2>&1; then break; fi
    sleep 0.1
  done
  local t1; t1=$(date +%s%N)
  echo "startup clean=$1 ready_ms=$(( (t1 - t0) / 1000000 )) rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 ))" \
    "cpu_s=$(awk '{printf "%.1f", ($14+$15)/100}' /proc/$APP/stat)"
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; }
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 )); }
trap 'kill $APP 2>/dev/null || true' EXIT

echo "== start-up (first start loads and dry-runs every file; second start finds them by hash)"
start_app true; stop_app
start_app false

echo "== data: $STUDENTS students x 20 questions x 5 submissions"
t0=$(date +%s)
IDS=$($PSQL -At -F ' ' -v students="$STUDENTS" -f bench/data.sql | tail -1)
read -r COURSE PRACTICE EXAM SUBS <<< "$IDS"
# Settle the bulk load (autovacuum, checkpoint) so it does not run under the scenarios.
$PSQL -c "vacuum analyze" -c "checkpoint"
echo "course=$COURSE practice_quiz=$PRACTICE exam_quiz=$EXAM submissions=$SUBS generated_in_s=$(( $(date +%s) - t0 ))"

echo "== baselines"
$PSQL -c "drop table if exists bench_row; create table bench_row (id bigserial primary key, v int)"
echo "insert into bench_row (v) values (1);" > /tmp/convquiz-bench/insert.sql
pgbench -h 127.0.0.1 -U postgres -n -c 8 -j 2 -T "$SECONDS_EACH" -f /tmp/convquiz-bench/insert.sql "$DB" 2>/dev/null \
  | awk '/tps/ {print "pgbench one-row insert tps=" $3}'
$DRIVER get "$BASE/q/health/live" 8 "$SECONDS_EACH"

echo "== warm-up (JIT): 5 s of checks, not counted"
$DRIVER checks "$BASE" "$COURSE" "$PRACTICE" 16 16 5 > /dev/null
echo "== writes: practice checks back to back (16 students, 16 threads)"
before=$($PSQL -At -c "select count(*) from submission")
$DRIVER checks "$BASE" "$COURSE" "$PRACTICE" 16 16 "$SECONDS_EACH" | tee "$OUT/checks.txt"
after=$($PSQL -At -c "select count(*) from submission")
echo "submissions found in the database afterwards: $(( after - before )) (acknowledged: $(grep -o 'acked=[0-9]*' "$OUT/checks.txt"))"

echo "== class-like: 200 students, one check per 10 s each"
$DRIVER paced "$BASE" "$COURSE" "$PRACTICE" 200 10 30

echo "== start burst: ${BURST:-300} students click Start on the exam at the same moment"
$DRIVER starts "$BASE" "$COURSE" "$EXAM" "${BURST:-300}"
echo "open exam attempts per student > 1: $($PSQL -At -c "select count(*) from (select user_id from attempt where quiz_id = $EXAM and submitted_at is null group by user_id having count(*) > 1) x")"

echo "== gradebook and statistics ($STUDENTS students)"
JAR=/tmp/convquiz-bench/teacher.cookies
rm -f $JAR
curl -s -c $JAR -o /dev/null -d 'j_username=benchteacher&j_password=bench-pass-1' "$BASE/j_security_check"
echo "rss_before_mb=$(rss)"
PATHS="gradebook gradebook.csv statistics"
[ "${REPEAT:-2}" -gt 1 ] && PATHS="$PATHS $PATHS"
for path in $PATHS; do
  curl -s --max-time 90 -b $JAR -o "$OUT/$path.out" -w "$path status=%{http_code} seconds=%{time_total} bytes=%{size_download}\n" \
    -H 'Accept: text/html,text/csv' "$BASE/courses/$COURSE/$path" || echo "$path gave up after 90 s"
  echo "rss_mb=$(rss)"
done
echo "rss_after_mb=$(rss)"
stop_app
