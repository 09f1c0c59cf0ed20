#!/usr/bin/env bash
# Every export at class scale: the detail export (one row per submitted part) next to two baselines taken in the
# same run (a trivial GET rate and the gradebook-shaped Canvas export of the same course), with the Moodle export
# and the gradebook CSV. RSS after each request.
# WIPES the database it is given, unless REUSE=1 (the data of an earlier run of this script or reports.sh is kept).
#   mvn -B -q package -DskipTests && BENCH_DB=convquiz_bench STUDENTS=10000 bench/export.sh
#   JAVA_OPTS=-Xmx256m ROUNDS=3 REUSE=1 BENCH_DB=convquiz_bench bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:?set BENCH_DB to a scratch database}
STUDENTS=${STUDENTS:-10000}
ROUNDS=${ROUNDS:-3}
PORT=${PORT:-8099}
BASE=http://127.0.0.1:$PORT
APPDIR=${BENCH_APP:-target/quarkus-app}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 $DB"
OUT=/tmp/convquiz-bench-export-$PORT; mkdir -p $OUT
javac -d $OUT bench/LoadDriver.java
CLEAN=true; [ "${REUSE:-0}" = 1 ] && CLEAN=false
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS='${JAVA_OPTS:-}'"
env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
    CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off \
    CONVQUIZ_STATISTICS_FOLD=off QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START=$CLEAN \
    java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > $OUT/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break; sleep 0.1; done
if [ "$CLEAN" = true ]; then
  t0=$(date +%s)
  $PSQL -At -F ' ' -v students="$STUDENTS" -v cost=4 -f bench/data.sql > /dev/null
  $PSQL -c "vacuum analyze" -c "checkpoint"
  echo "generated_in_s=$(( $(date +%s) - t0 ))"
fi
COURSE=$($PSQL -At -c "select id from course where join_code = 'BENCH001'")
echo "course=$COURSE submissions=$($PSQL -At -c 'select count(*) from submission')"
java -cp $OUT LoadDriver get "$BASE/q/health/live" 8 5
JAR=$OUT/teacher.cookies; rm -f $JAR
curl -s -c $JAR -o /dev/null -d 'j_username=benchteacher&j_password=bench-pass-1' "$BASE/j_security_check"
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 )); }
# CPU seconds (user + system) of the app, and of this database's PostgreSQL backends, so that a run on a
# crowded machine still says where the work went.
ticks() { awk '{s += $14 + $15} END {print s + 0}' "$@" 2>/dev/null || echo 0; }
dbticks() { ticks $(for p in $($PSQL -At -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"); do echo /proc/$p/stat; done); }
timed() { # name path
  local a0 d0; a0=$(ticks /proc/$APP/stat); d0=$(dbticks)
  curl -s --max-time 120 -b $JAR -o $OUT/$1.out -w "$1 status=%{http_code} seconds=%{time_total} bytes=%{size_download}" "$BASE$2"
  echo " rss_mb=$(rss) app_cpu_s=$(echo "($(ticks /proc/$APP/stat) - $a0) / 100" | bc -l | cut -c1-5) db_cpu_s=$(echo "($(dbticks) - $d0) / 100" | bc -l | cut -c1-5)"
}
echo "rss_before_mb=$(rss)"
for round in $(seq 1 "$ROUNDS"); do
  timed export-canvas "/courses/$COURSE/export/canvas.csv"
  timed export-moodle "/courses/$COURSE/export/moodle.csv"
  timed gradebook-csv "/courses/$COURSE/gradebook.csv"
  timed export-detail "/courses/$COURSE/export/detail.csv"
done
echo "detail rows=$(( $(wc -l < $OUT/export-detail.out) - 1 )) (lines; a quoted newline counts twice) sha256=$(sha256sum < $OUT/export-detail.out | cut -c1-16)"
