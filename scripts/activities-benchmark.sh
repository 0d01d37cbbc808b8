#!/usr/bin/env bash
# Measures the activities against a database filled by scripts/generate-data.sh and scripts/generate-activities.sh
# (1,000,000 accounts, 10,000,000 activities):
#   (w) the reminder sweep: the application starts with the scheduler, and its first sweep sends the 10,000 due
#       reminders that generate-activities.sh planted; its log says how long that took
#   (t) the first page of the timeline of the account with 10,000 entries, GET /api/v1/timeline (20 entries)
#   (c) a week of the team calendar of that account's owner, GET /api/v1/calendar?team=…, with SERIES of that team's
#       meetings repeating three times a week (planted here when fewer repeat)
#   (m) "My work" of that owner, who has 5,000 open tasks in the coming week (the page, signed in) and OWN_SERIES
#       tasks due every day (planted here too)
# each run by wrk for DURATION seconds after WARMUP seconds, one connection, as that owner; with the CPU of the
# application, of its PostgreSQL backends and of everything else on the machine during the run.
# Prints a results table; with --update-doc also writes it into the activities section of docs/BENCHMARKS.md.
#
#   scripts/activities-benchmark.sh
#   scripts/activities-benchmark.sh --update-doc
#
# Settings (environment), besides those of scripts/benchmark.sh (PG*, RAPPORT_JAR, RAPPORT_ADMIN_PASSWORD, APP_HEAP):
#   DURATION, WARMUP        seconds of each measured run and of its warm-up (default 30 and 10)
#   SERIES, OWN_SERIES      repeating meetings of the busy team and daily tasks of its user (default 200 and 20)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

UPDATE_DOC=0
for arg in "$@"; do
	case "$arg" in
		--update-doc) UPDATE_DOC=1 ;;
		-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument $arg (try --help)" ;;
	esac
done

: "${DURATION:=30}"
: "${WARMUP:=10}"
: "${SERIES:=200}"
: "${OWN_SERIES:=20}"
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
check_database_name
q -c "select 1 from activity limit 1" 2>/dev/null | grep -q 1 \
	|| die "no activities in $PGDATABASE: run scripts/generate-data.sh and scripts/generate-activities.sh first"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/activities-$RUN_ID"
mkdir -p "$RUN_DIR"
export BENCH_LUA_DIR="$ROOT/scripts/wrk"

HOT=$(q -c "select id from account order by id limit 1")
read -r BUSY_ID BUSY_TEAM < <(q -F ' ' -c "select owner_id, team_id from account where id = '$HOT'")
BUSY_USER=$(q -c "select username from app_user where id = '$BUSY_ID'")
ENTRIES=$(q -c "select count(*) from activity where account_id = '$HOT'")
OPEN_TASKS=$(q -c "select count(*) from activity where owner_id = '$BUSY_ID' and kind = 'TASK' and status = 'OPEN'")
DUE=$(q -c "select count(*) from activity where alerted_at is null and alert_at <= now()")
TOTAL=$(q -c "select reltuples::bigint from pg_class where relname = 'activity'")
ACCOUNTS=$(q -c "select reltuples::bigint from pg_class where relname = 'account'")
log "hot account $HOT ($ENTRIES entries), busy user $BUSY_USER ($OPEN_TASKS open tasks), $DUE due alerts"

# the planted reminders (a 15-minute reminder, as generate-activities.sh set them) fall due again, so that each run's
# first sweep sends them; their earlier notices go
PLANTED=$(q -c "with planted as (update activity set alert_at = now() - interval '1 minute', alerted_at = null,
		status = 'OPEN', starts_at = now() + interval '14 minutes', ends_at = now() + interval '74 minutes',
		occurs_at = now() + interval '14 minutes'
	where kind = 'MEETING' and reminder_minutes = 15 returning 1) select count(*) from planted")
q -c "truncate notification, mail_message" >/dev/null
DUE=$(q -c "select count(*) from activity where alerted_at is null and alert_at <= now()")
log "$PLANTED planted reminders due again, $DUE due alerts in all"


ensure_jar
cleanup() {
	stop_app
	q -c "delete from api_token where name = 'Benchmark $RUN_ID'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
start_app "$RUN_DIR/app.log" --rapport.search.build-when-empty=false --rapport.scheduler.enabled=true
BASE="http://127.0.0.1:$APP_PORT"

# (w) the first sweep runs within the scheduler's first polls after the start
log "waiting for the first reminder sweep"
deadline=$((SECONDS + 300))
until grep -q 'Activity alerts: .* sent in' "$RUN_DIR/app.log"; do
	((SECONDS < deadline)) || die "no reminder sweep within 5 minutes (see $RUN_DIR/app.log)"
	sleep 1
done
SWEEP=$(grep -o 'Activity alerts: [0-9]* sent in [0-9]* ms' "$RUN_DIR/app.log" | head -1)
log "$SWEEP"

# repeating meetings of the busy team (Monday, Wednesday and Friday since four weeks ago) and daily tasks of its user
# (since two weeks ago), made of their existing activities; the columns exist once the application has migrated
if q -c "select 1 from information_schema.columns where table_name = 'activity' and column_name = 'recurrence'" \
		| grep -q 1; then
	SINCE=$(date -u -d "last monday - 28 days" +%Y-%m-%d)
	q -c "update activity set recurrence = 'FREQ=WEEKLY;BYDAY=MO,WE,FR', recurrence_zone = 'UTC', series_until = null,
		status = 'OPEN', alert_at = null, alerted_at = null,
		starts_at = date '$SINCE' + interval '8 hours' + (abs(hashtext(id::text)) % 20) * interval '30 minutes',
		ends_at = date '$SINCE' + interval '9 hours' + (abs(hashtext(id::text)) % 20) * interval '30 minutes',
		occurs_at = date '$SINCE' + interval '8 hours' + (abs(hashtext(id::text)) % 20) * interval '30 minutes'
		where id in (select id from activity where team_id = '$BUSY_TEAM' and kind = 'MEETING'
			and recurrence is null and reminder_minutes is distinct from 15 order by id
			limit greatest(0, $SERIES - (select count(*) from activity where team_id = '$BUSY_TEAM'
				and kind = 'MEETING' and recurrence is not null)))" >/dev/null
	q -c "update activity set recurrence = 'FREQ=DAILY', recurrence_zone = 'UTC', series_until = null,
		status = 'OPEN', alert_at = null, alerted_at = null,
		due_at = date '$SINCE' + interval '14 days 16 hours', occurs_at = date '$SINCE' + interval '14 days 16 hours'
		where id in (select id from activity where owner_id = '$BUSY_ID' and kind = 'TASK'
			and recurrence is null order by id
			limit greatest(0, $OWN_SERIES - (select count(*) from activity where owner_id = '$BUSY_ID'
				and kind = 'TASK' and recurrence is not null)))" >/dev/null
fi
# fresh statistics, as autovacuum keeps them, now that the application added its columns and the series are planted
q -c "analyze activity" >/dev/null
TEAM_SERIES=$(q -c "select count(*) from activity where team_id = '$BUSY_TEAM' and recurrence is not null and kind = 'MEETING'" 2>/dev/null || echo 0)
USER_SERIES=$(q -c "select count(*) from activity where owner_id = '$BUSY_ID' and recurrence is not null and kind = 'TASK'" 2>/dev/null || echo 0)
log "$TEAM_SERIES repeating meetings in the busy team, $USER_SERIES repeating tasks of its user"

new_token "$BUSY_USER" TOKEN "Benchmark $RUN_ID"
jar="$RUN_DIR/cookies.txt"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$BUSY_USER" \
	--data-urlencode "password=$RAPPORT_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
[[ -n "$SESSION" ]] || die "signing in as $BUSY_USER failed"

MONDAY=$(date -u -d "last monday" +%Y-%m-%dT00:00:00Z)
NEXT=$(date -u -d "$MONDAY + 7 days" +%Y-%m-%dT00:00:00Z)
declare -A PATHS=(
	[timeline]="/api/v1/timeline?about=account:$HOT&size=20"
	[calendar]="/api/v1/calendar?from=$MONDAY&to=$NEXT&team=$BUSY_TEAM"
	[mywork]="/my-work"
)
declare -A RESULT
for name in timeline calendar mywork; do
	auth=(BENCH_TOKEN="$TOKEN")
	check=(-H "Authorization: Bearer $TOKEN")
	if [[ "$name" == mywork ]]; then
		auth=(BENCH_TOKEN= BENCH_SESSION="$SESSION")
		check=(-b "JSESSIONID=$SESSION")
	fi
	code=$(curl -sS -o "$RUN_DIR/$name.body" -w '%{http_code}' "${check[@]}" "$BASE${PATHS[$name]}")
	[[ "$code" == 200 ]] || die "$name answered $code (see $RUN_DIR/$name.body)"
	log "$name: warm-up ${WARMUP}s, then ${DURATION}s with 1 connection"
	env BENCH_PATH="${PATHS[$name]}" "${auth[@]}" wrk -t1 -c1 -d"${WARMUP}s" --timeout 10s \
		-s "$BENCH_LUA_DIR/get.lua" "$BASE" >"$RUN_DIR/$name-warmup.txt" 2>&1
	measure "$RUN_DIR/$name.txt" app_backend_pids -- env BENCH_PATH="${PATHS[$name]}" "${auth[@]}" \
		wrk -t1 -c1 -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_LUA_DIR/get.lua" "$BASE"
	line=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	RESULT[$name]="$line ${MEASURED/client_cpu/wrk_cpu}"
	log "$name: ${RESULT[$name]}"
done

field() { echo "${RESULT[$1]}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
row() { # row NAME LABEL TARGET
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$(field "$1" p95_ms)" "$3" "$(field "$1" p50_ms)" \
		"$(field "$1" rps)" "$(field "$1" app_cpu) / $(field "$1" db_cpu)" "$(field "$1" other_cpu)"
}
TABLE=$(
	echo "Run $RUN_ID, commit $(app_commit), $ACCOUNTS accounts and $TOTAL activities; one connection, ${DURATION} s after ${WARMUP} s of warm-up."
	echo
	echo '| scenario | p95 (ms) | target | p50 (ms) | requests/s | cores: app / PostgreSQL | other CPU (cores) |'
	echo '|---|---|---|---|---|---|---|'
	row timeline "first timeline page of an account with $ENTRIES entries" "< 30 ms"
	row calendar "a week of the team calendar (team of $BUSY_USER, $TEAM_SERIES meetings repeating 3 times a week)" "< 50 ms"
	row mywork "My work of a user with $OPEN_TASKS open tasks ($USER_SERIES repeating daily)" "< 30 ms"
	echo "| reminder sweep | ${SWEEP#Activity alerts: } | < 10 s for 10,000 | | | | |"
)
echo
echo "$TABLE"
if ((UPDATE_DOC)); then
	echo "$TABLE" >"$RUN_DIR/table.md"
	update_doc activities "$RUN_DIR/table.md" "## Activities"
fi
