#!/usr/bin/env bash
# Instructor reports at class scale: gradebook page (first page, a filtered page), the complete CSV, the
# exports, and statistics before and after the background fold, next to a trivial-GET baseline; RSS before
# and after. WIPES the database it is given.
#   mvn -B -q package -DskipTests && BENCH_DB=convquiz_bench STUDENTS=10000 bench/reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:?set BENCH_DB to a scratch database}
STUDENTS=${STUDENTS:-10000}
PORT=${PORT:-8099}
BASE=http://127.0.0.1:$PORT
APPDIR=${BENCH_APP:-target/quarkus-app}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 $DB"
OUT=/tmp/convquiz-bench; mkdir -p $OUT
javac -d $OUT bench/LoadDriver.java
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off \
    CONVQUIZ_STATISTICS_FOLD=off QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START=true \
    java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > $OUT/reports-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break; sleep 0.1; done
t0=$(date +%s)
IDS=$($PSQL -At -F ' ' -v students="$STUDENTS" -f bench/data.sql | tail -1)
read -r COURSE PRACTICE EXAM SUBS <<< "$IDS"
$PSQL -c "vacuum analyze" -c "checkpoint"
echo "course=$COURSE students=$STUDENTS submissions=$SUBS generated_in_s=$(( $(date +%s) - t0 ))"
java -cp $OUT LoadDriver get "$BASE/q/health/live" 8 5
JAR=$OUT/teacher.cookies; rm -f $JAR
curl -s -c $JAR -o /dev/null -d 'j_username=benchteacher&j_password=bench-pass-1' "$BASE/j_security_check"
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 )); }
timed() { # name path
  curl -s --max-time 120 -b $JAR -o $OUT/$1.out -w "$1 status=%{http_code} seconds=%{time_total} bytes=%{size_download}" "$BASE$2"
  echo " rss_mb=$(rss)"
}
echo "rss_before_mb=$(rss)"
for round in 1 2; do
  timed gradebook-page "/courses/$COURSE/gradebook"
  timed gradebook-filtered "/courses/$COURSE/gradebook?q=bench05"
  timed gradebook-csv "/courses/$COURSE/gradebook.csv"
  timed export-detail "/courses/$COURSE/export/detail.csv"
  timed export-canvas "/courses/$COURSE/export/canvas.csv"
  timed export-moodle "/courses/$COURSE/export/moodle.csv"
  timed statistics-live "/courses/$COURSE/statistics"
done
# Fold everything (what the background job does every minute), then statistics read the summary.
$PSQL -c "select 1" > /dev/null
kill $APP; wait $APP 2>/dev/null || true
env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off \
    CONVQUIZ_STATISTICS_FOLD=2s CONVQUIZ_STATISTICS_SETTLE=0s \
    java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > $OUT/reports-app2.log 2>&1 &
APP=$!
for _ in $(seq 1 600); do curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break; sleep 0.1; done
t0=$(date +%s%N)
for _ in $(seq 1 600); do
  left=$($PSQL -At -c "select count(*) from submission where id > (select folded_up_to from statistics_watermark)")
  [ "$left" = "0" ] && break; sleep 1
done
echo "fold of $SUBS submissions done after $(( ($(date +%s%N) - t0) / 1000000 )) ms (includes the 20 s start delay)"
rm -f $JAR; curl -s -c $JAR -o /dev/null -d 'j_username=benchteacher&j_password=bench-pass-1' "$BASE/j_security_check"
for round in 1 2 3; do timed statistics-folded "/courses/$COURSE/statistics"; done
