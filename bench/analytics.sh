#!/usr/bin/env bash
# The gradebook and analytics pages of issue 12 at class scale (bench/data.sql: STUDENTS × 20 exercises × 5
# submissions): sorted gradebook pages, one student's record, an exercise's analytics, the heat map and the JSON
# API, before the background jobs ran (live) and after (statistics folded, variant features filled). WIPES the
# database it is given.
#   mvn -B -q package -DskipTests && BENCH_DB=convquiz_bench STUDENTS=10000 bench/analytics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:?set BENCH_DB to a scratch database}
STUDENTS=${STUDENTS:-10000}
PORT=${PORT:-8099}
BASE=http://127.0.0.1:$PORT
APPDIR=${BENCH_APP:-target/quarkus-app}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 $DB"
OUT=/tmp/convquiz-bench-analytics; mkdir -p $OUT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
start() { # fold interval, settle, log
  env QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
      QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT \
      CONVQUIZ_SESSION_KEY=bench-only-session-key-0123456789abcdef CONVQUIZ_DEADLINE_SWEEP=off \
      CONVQUIZ_STATISTICS_FOLD=$1 CONVQUIZ_STATISTICS_SETTLE=$2 QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START=$3 \
      java ${JAVA_OPTS:-} -jar "$APPDIR/quarkus-run.jar" > $OUT/app-$4.log 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break; sleep 0.1; done
}
start off 2m true 1
trap 'kill $APP 2>/dev/null || true' EXIT
t0=$(date +%s)
IDS=$($PSQL -At -F ' ' -v students="$STUDENTS" -v cost=4 -f bench/data.sql | tail -1)
read -r COURSE PRACTICE EXAM SUBS <<< "$IDS"
QUIZ=$($PSQL -At -c "select id from quiz where course_id = $COURSE and slug = 'bench-book-1'")
SLUG=$($PSQL -At -c "select slug from exercise order by slug limit 1")
# Some overrides, so the sorted pages and exports carry them.
$PSQL -c "insert into score_override (quiz_id, user_id, score, reason, set_by)
          select $QUIZ, id, 1, 'bench', 'benchteacher' from app_user where username ~ '^bench[0-9]+5$'"
$PSQL -c "vacuum analyze" -c "checkpoint"
echo "course=$COURSE students=$STUDENTS submissions=$SUBS generated_in_s=$(( $(date +%s) - t0 )) exercise=$SLUG"
JAR=$OUT/teacher.cookies
login() { rm -f $JAR; curl -s -c $JAR -o /dev/null -d 'j_username=benchteacher&j_password=bench-pass-1' "$BASE/j_security_check"; }
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$APP/status) / 1024 )); }
timed() { # name path [curl options]
  local name=$1 path=$2; shift 2
  curl -s --max-time 120 -b $JAR "$@" -o $OUT/$name.out -w "$name status=%{http_code} seconds=%{time_total} bytes=%{size_download}" "$BASE$path"
  echo " rss_mb=$(rss)"
}
pages() {
  timed gradebook-by-name "/courses/$COURSE/gradebook?sort=name"
  timed gradebook-by-name-page2 "/courses/$COURSE/gradebook?sort=name&after=bench5000"
  timed gradebook-by-total "/courses/$COURSE/gradebook?sort=total&dir=desc"
  timed gradebook-by-quiz "/courses/$COURSE/gradebook?sort=quiz-$QUIZ&after=bench5000"
  timed student-record "/courses/$COURSE/students/bench0042"
  timed exercise-analytics "/courses/$COURSE/statistics/$SLUG"
  timed heatmap "/courses/$COURSE/misconceptions"
  timed heatmap-page "/courses/$COURSE/misconceptions?after=bench5000"
  timed api-gradebook "/api/courses/$COURSE/gradebook?sort=total&dir=desc" -u benchteacher:bench-pass-1
  timed api-exercise "/api/courses/$COURSE/statistics/$SLUG" -u benchteacher:bench-pass-1
  timed gradebook-csv "/courses/$COURSE/gradebook.csv"
}
login
echo "rss_before_mb=$(rss)"
for round in 1 2; do echo "-- live, round $round"; pages; done
kill $APP; wait $APP 2>/dev/null || true
# The background jobs every 2 s with no settle: the statistics fold and the variant features.
start 2s 0s false 2
trap 'kill $APP 2>/dev/null || true' EXIT
t0=$(date +%s%N)
for _ in $(seq 1 900); do
  left=$($PSQL -At -c "select (select count(*) from submission where id > (select folded_up_to from statistics_watermark))
                            + (select count(*) from attempt_item where id > (select filled_up_to from variant_feature_watermark))")
  [ "$left" = "0" ] && break; sleep 1
done
echo "fold and variant features done after $(( ($(date +%s%N) - t0) / 1000000 )) ms (includes the 20-25 s start delay);" \
     "variants classified: $($PSQL -At -c 'select count(*) from variant_feature')"
login
for round in 1 2; do echo "-- after the background jobs, round $round"; pages; done
echo "rss_after_mb=$(rss)"
