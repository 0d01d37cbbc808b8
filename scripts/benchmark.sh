#!/usr/bin/env bash
# Measures Rapport against a database filled by scripts/generate-data.sh, and beside each figure the same work done
# by PostgreSQL alone:
#   (a) the account list page (HTML), one owner, sorted by name, 50 rows, as a signed-in administrator
#   (a') the unfiltered account list page, sorted by name, 50 rows, as a sales user (sees their team's accounts)
#   (b) GET /api/v1/accounts/{id} for random existing ids
#   (c) POST /api/v1/accounts
#   (d) the memory of the application afterwards: heap used and committed, resident anonymous, file-mapped and
#       shared memory, beside -Xmx
# The packaged application runs with -Xmx512m on a free port of 127.0.0.1; wrk drives it (each run bounded by
# DURATION seconds). Before measuring, the script waits until the application reports no rebuild of the search index
# running (a first start on a new index folder rebuilds it in the background).
# PostgreSQL alone: after each scenario's runs, the script captures the statements the application runs for one
# request of it (log_statement = 'all' for that one request, read from PostgreSQL's log), and replays them with
# pgbench -M extended, as many clients as wrk had connections, for as long, in the transactions the application
# used; parameters become literals, except the account id (get), the owner (list) and the stage (column), drawn at
# random from the same samples wrk draws from, and the new id (create), made anew in each transaction. The captured
# statements and the pgbench scripts stay in the run folder.
# For every run the table shows the cores used by the application, by its PostgreSQL backends and by everything else
# on the machine ("other CPU"). Prints the results; with --update-doc also writes them into docs/BENCHMARKS.md (the
# account scenarios and the sales scenarios each into their own table).
# Accounts that the runs created go again at the end through DELETE /api/v1/accounts/{id}, so that the search index
# forgets them too; the rows that pgbench inserted, which the index never saw, go with SQL.
#
#   scripts/benchmark.sh                    # measure and print
#   scripts/benchmark.sh --update-doc       # ... and replace the results tables in docs/BENCHMARKS.md
#
# Settings (environment):
#   PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE   as for generate-data.sh (default rapport_bench); PGUSER must be a
#                               superuser for the capture (ALTER SYSTEM), and PostgreSQL's log readable
#   RAPPORT_JAR                 application jar (default target/rapport.jar, built if missing)
#   RAPPORT_COMMIT              the commit the jar was built from, for the results (found for target/rapport.jar)
#   RAPPORT_ADMIN_PASSWORD      password of 'admin' (default rapport-bench-admin, as generate-data.sh sets it)
#   DURATION                    seconds of each measured run, wrk and pgbench alike (default 30)
#   WARMUP                      seconds of warm-up before each measured wrk run (default 15)
#   PG_WARMUP                   seconds of warm-up before each measured pgbench run (default 5)
#   PG_REPLAY=0                 leave out PostgreSQL alone (no capture, no pgbench)
#   PGBENCH_MODE                pgbench's query mode (default extended; prepared keeps plans like the driver does)
#   PG_LOG_FILE                 PostgreSQL's log file (default: pg_current_logfile(), else /var/log/postgresql/...)
#   BUILD_INDEX                 wait (default): let the application build an empty search index and wait for it
#                               before measuring; off: start it with --rapport.search.build-when-empty=false
#                               (these scenarios do not read the index)
#   LIST_CONNECTIONS            concurrent clients on the list page, one run per number (default "1 4")
#   API_CONNECTIONS             concurrent connections on the API (default 16)
#   WRK_THREADS                 wrk threads (default 2)
#   SCENARIOS                   which runs, in order (default "list team get create"; "board column forecast"
#                               measure the opportunity board and the forecast after generate-sales-data.sh)
#   TEAM_CONNECTIONS            concurrent clients on the sales user's list page (default 1)
#   BOARD_CONNECTIONS           concurrent clients on the board page and its columns (default 1)
#   FORECAST_CONNECTIONS        concurrent clients on the forecast page (default 1)
#   FORECAST_MONTHS             months the forecast page covers, from this month on (default 12)
#   APP_ARGS                    extra arguments for the application, e.g. for an experiment with a setting
#   PROFILE=1                   also record a Java Flight Recorder file of the measured runs
#   QUIET_WAIT                  seconds to wait at most, before each measured run, for other processes on
#                               the machine to use less than QUIET_CORES cores (default 180 and 0.3)
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
: "${WARMUP:=15}"
: "${PG_REPLAY:=1}"
: "${BUILD_INDEX:=wait}"
: "${LIST_CONNECTIONS:=1 4}"
: "${API_CONNECTIONS:=16}"
: "${WRK_THREADS:=2}"
: "${PROFILE:=0}"
: "${SCENARIOS:=list team get create}"
: "${TEAM_CONNECTIONS:=1}"
: "${BOARD_CONNECTIONS:=1}"
: "${FORECAST_CONNECTIONS:=1}"
: "${FORECAST_MONTHS:=12}"
: "${APP_ARGS:=}"
: "${QUIET_WAIT:=180}"
: "${QUIET_CORES:=0.3}"
((DURATION <= 300)) || die "DURATION is limited to 300 seconds per run"
((WARMUP <= 300)) || die "WARMUP is limited to 300 seconds per run"
[[ "$BUILD_INDEX" == wait || "$BUILD_INDEX" == off ]] || die "BUILD_INDEX is wait or off"

check_database_name
if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; } \
		|| die "wrk is missing (apt-get install -y wrk)"
fi
command -v curl >/dev/null || die "curl is missing"
if ((PG_REPLAY)); then
	command -v pgbench >/dev/null || die "pgbench is missing (apt-get install -y postgresql-client), or set PG_REPLAY=0"
	[[ "$(q -c "select rolsuper from pg_roles where rolname = current_user")" == t ]] \
		|| die "capturing the statements needs a superuser as PGUSER (ALTER SYSTEM), or set PG_REPLAY=0"
	logfile=$(pg_log_file)
	[[ -n "$logfile" && -r "$logfile" ]] || die "cannot read PostgreSQL's log file '$logfile': set PG_LOG_FILE, or PG_REPLAY=0"
fi
ensure_jar

accounts=$(q -c "select count(*) from account" 2>/dev/null) || die "no Rapport schema in $PGDATABASE: run scripts/generate-data.sh first"
((accounts > 0)) || die "$PGDATABASE has no accounts: run scripts/generate-data.sh first"

db_size=$(q -c "select pg_size_pretty(pg_database_size(current_database()))")
counts=$(q -c "select (select count(*) from account) || ' accounts, ' || (select count(*) from contact) || ' contacts, '
	|| (select count(*) from app_user) || ' users, ' || (select count(*) from team) || ' teams'")

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/run-$RUN_ID"
mkdir -p "$RUN_DIR"
export BENCH_LUA_DIR="$ROOT/scripts/wrk"

RUN_STARTED=$(q -c "select now()")
# The accounts that the runs created through the application (the check, (c) and the captured create).
created_ids() {
	q -c "select id from account where created_at >= '$RUN_STARTED' and created_by = (select id from app_user where username = 'admin')"
}
REMOVED_LINE=""
remove_created() {
	local ids="$RUN_DIR/created-ids.txt" n total t0=$SECONDS
	created_ids >"$ids" 2>/dev/null || return 0
	total=$(grep -c . "$ids" || true)
	((total > 0)) || return 0
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		log "removing the $total accounts the runs created, through DELETE /api/v1/accounts/{id}"
		n=$(api_delete "$ids" /api/v1/accounts "$BENCH_TOKEN")
		REMOVED_LINE="The runs created $total accounts through the application; $n were deleted again through DELETE /api/v1/accounts/{id} ($((SECONDS - t0)) s), so the search index forgets them too."
		log "$REMOVED_LINE"
	fi
	# whatever is left (the application stopped early): with SQL, and a word that the index may still hold them
	n=$(q -c "with gone as (delete from account where id in (select id from account where created_at >= '$RUN_STARTED'
		and created_by = (select id from app_user where username = 'admin')) returning 1) select count(*) from gone")
	if ((n > 0)); then
		log "removed $n accounts with SQL: the search index may still hold them (rebuild it: POST /api/v1/search/reindex)"
	fi
	psql -X -q -c "vacuum (analyze) account" >/dev/null 2>&1 || true
}
cleanup() {
	log_statements_off
	remove_replayed || true
	remove_created || true
	stop_app
	drop_samples
	q -c "delete from api_token where name = 'Benchmark $RUN_ID'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# tokens that runs stopped by force left behind (another run may be using a newer one)
q -c "delete from api_token where name like 'Benchmark %' and created_at < now() - interval '1 day'" >/dev/null
new_token admin BENCH_TOKEN "Benchmark $RUN_ID"
export BENCH_TOKEN

# Random existing account ids for (b) and the owners for (a).
export BENCH_IDS_FILE="$RUN_DIR/account-ids.txt"
export BENCH_OWNERS_FILE="$RUN_DIR/owners.txt"
q -c "select id from account tablesample system (2) limit 50000" >"$BENCH_IDS_FILE"
q -c "select distinct owner_id from account where owner_id in (select id from app_user where username <> 'admin')" >"$BENCH_OWNERS_FILE"
log "$(wc -l <"$BENCH_IDS_FILE") sample account ids, $(wc -l <"$BENCH_OWNERS_FILE") owners"
if ((PG_REPLAY)); then
	sample_values get "$BENCH_IDS_FILE"
	sample_values owner "$BENCH_OWNERS_FILE"
fi

JFR_FILE="$RUN_DIR/profile.jfr"
if [[ "$PROFILE" == 1 ]]; then
	APP_JAVA_OPTS="${APP_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$JFR_FILE,settings=profile,dumponexit=true"
fi
app_args=()
[[ "$BUILD_INDEX" == wait ]] || app_args+=(--rapport.search.build-when-empty=false)
# shellcheck disable=SC2086 # APP_ARGS holds several arguments
start_app "$RUN_DIR/app.log" "${app_args[@]}" $APP_ARGS
BASE="http://127.0.0.1:$APP_PORT"
if [[ "$BUILD_INDEX" == wait ]]; then
	wait_for_index "$BENCH_TOKEN"
else
	INDEX_STATE="the application ran with --rapport.search.build-when-empty=false: no search index rebuild"
	log "$INDEX_STATE"
fi

# Sign in through the login form, as a browser would; prints the session id.
sign_in() {
	local user="$1" jar="$RUN_DIR/cookies-$1.txt" csrf location session
	csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
	[[ -n "$csrf" ]] || die "no CSRF token on the login page"
	location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
		--data-urlencode "username=$user" --data-urlencode "password=$RAPPORT_ADMIN_PASSWORD" \
		--data-urlencode "_csrf=$csrf" "$BASE/login")
	[[ "$location" != *error* ]] || die "signing in as $user failed (RAPPORT_ADMIN_PASSWORD?)"
	session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
	[[ -n "$session" ]] || die "no session cookie after signing in as $user"
	echo "$session"
}
BENCH_SESSION=$(sign_in admin)
export BENCH_SESSION
# A sales user of a team; generated users share the administrator's password.
SALES_USER=$(q -c "select username from app_user where roles = 'SALES' and team_id is not null order by username limit 1")
[[ -n "$SALES_USER" ]] || die "no sales user in $PGDATABASE: run scripts/generate-data.sh first"
SALES_SESSION=$(sign_in "$SALES_USER")

# Check that each request does what it should before measuring it.
owner=$(head -1 "$BENCH_OWNERS_FILE")
page="$RUN_DIR/list-page.html"
status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/accounts?owner=$owner&sort=name,asc&size=50")
rows=$(grep -c '<td><a href="/accounts/' "$page" || true)
[[ "$status" == 200 && "$rows" == 50 ]] || die "the list page answered $status with $rows rows (want 200 with 50)"
status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$SALES_SESSION" "$BASE/accounts?sort=name,asc&size=50")
rows=$(grep -c '<td><a href="/accounts/' "$page" || true)
[[ "$status" == 200 && "$rows" == 50 ]] || die "the list page of $SALES_USER answered $status with $rows rows (want 200 with 50)"
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/api/v1/accounts/$(head -1 "$BENCH_IDS_FILE")")
[[ "$status" == 200 ]] || die "GET /api/v1/accounts/{id} answered $status"
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
	-d '{"name":"Benchmark Check Ltd","type":"COMPANY","lifecycleStage":"PROSPECT"}' "$BASE/api/v1/accounts")
[[ "$status" == 201 ]] || die "POST /api/v1/accounts answered $status"
log "requests checked: list pages 200 with 50 rows, GET 200, POST 201"

# The sales scenarios (board, column, forecast) need scripts/generate-sales-data.sh to have run.
OPPORTUNITY_COUNT=$(q -c "select count(*) from opportunity" 2>/dev/null || echo 0)
if [[ " $SCENARIOS " == *" board "* || " $SCENARIOS " == *" column "* || " $SCENARIOS " == *" forecast "* ]]; then
	((OPPORTUNITY_COUNT > 0)) || die "no opportunities in $PGDATABASE: run scripts/generate-sales-data.sh first"
	BENCH_PIPELINE=$(q -c "select id from pipeline where name = 'Enterprise'")
	[[ -n "$BENCH_PIPELINE" ]] || die "no Enterprise pipeline: run scripts/generate-sales-data.sh"
	BOARD_OPEN_COUNT=$(q -c "select count(*) from opportunity where pipeline_id = '$BENCH_PIPELINE' and stage_kind = 'OPEN'")
	export BENCH_PIPELINE BENCH_STAGES_FILE="$RUN_DIR/board-stages.txt"
	q -c "select id from pipeline_stage where pipeline_id = '$BENCH_PIPELINE' and kind = 'OPEN'" >"$BENCH_STAGES_FILE"
	((PG_REPLAY == 0)) || sample_values stage "$BENCH_STAGES_FILE"
	BENCH_FORECAST_FROM=$(date -u +%Y-%m)
	export BENCH_FORECAST_FROM BENCH_FORECAST_MONTHS="$FORECAST_MONTHS"
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/opportunities/board?pipeline=$BENCH_PIPELINE")
	if [[ "$status" != 200 ]] || ! grep -q 'data-count=' "$page"; then die "the board page answered $status"; fi
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/opportunities/board/column?stage=$(head -1 "$BENCH_STAGES_FILE")")
	cards=$(grep -c 'board-card' "$page" || true)
	[[ "$status" == 200 && "$cards" -ge 25 ]] || die "a board column answered $status with $cards cards (want 25)"
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/forecast?from=$BENCH_FORECAST_FROM&months=$FORECAST_MONTHS")
	if [[ "$status" != 200 ]] || ! grep -q 'forecast-table' "$page"; then die "the forecast page answered $status"; fi
	log "sales requests checked: board $BOARD_OPEN_COUNT open opportunities, column 25 cards, forecast 200"
fi

wait_for_quiet() {
	local deadline=$((SECONDS + QUIET_WAIT)) other
	while :; do
		other=$(other_cores 3)
		awk -v o="$other" -v q="$QUIET_CORES" 'BEGIN { exit !(o < q) }' && return 0
		if ((SECONDS >= deadline)); then
			log "other processes keep $other cores busy; measuring anyway (see the 'other CPU' column)"
			return 0
		fi
		log "other processes keep $other cores busy; waiting for a quieter machine"
		sleep 5
	done
}

declare -A RESULT CONNS PG CAPTURED
RUNS=()
# run_wrk NAME SCRIPT CONNECTIONS [VAR=VALUE...]: warms up, then measures; keeps the BENCH line and CPU shares.
run_wrk() {
	local name="$1" script="$2" connections="$3" threads="$WRK_THREADS"
	shift 3
	local -a with=(env "$@")
	((threads <= connections)) || threads=$connections
	log "$name: warm-up ${WARMUP}s, $connections connections"
	"${with[@]}" wrk -t"$threads" -c"$connections" -d"${WARMUP}s" --timeout 10s -s "$BENCH_LUA_DIR/$script" "$BASE" \
		>"$RUN_DIR/$name-warmup.txt" 2>&1
	wait_for_quiet
	log "$name: measuring ${DURATION}s"
	measure "$RUN_DIR/$name.txt" app_backend_pids -- "${with[@]}" wrk -t"$threads" -c"$connections" -d"${DURATION}s" \
		--timeout 10s --latency -s "$BENCH_LUA_DIR/$script" "$BASE"
	RUNS+=("$name"); CONNS[$name]=$connections
	local line
	line=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	RESULT[$name]="$line ${MEASURED/client_cpu/wrk_cpu}"
	log "$name: ${RESULT[$name]}"
}
field() { # field NAME KEY
	echo "${RESULT[$1]} ${PG[$1]:-}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'
}

# replay NAME CAPTURE CONNECTIONS: PostgreSQL alone for the run NAME, with the statements captured as CAPTURE.
replay() {
	((PG_REPLAY)) || return 0
	[[ -n "${CAPTURED[$2]:-}" ]] || die "nothing captured as $2"
	run_pgbench "$1" "$2" "$3"
	PG[$1]="$PG_RESULT"
}
# capture_scenario SCENARIO: the statements of one request of SCENARIO, once per scenario, into a pgbench script.
capture_scenario() {
	((PG_REPLAY)) || return 0
	[[ -z "${CAPTURED[$1]:-}" ]] || return 0
	local owner id stage
	case "$1" in
		list)
			owner=$(head -1 "$BENCH_OWNERS_FILE")
			capture_request list 200 -- -b "JSESSIONID=$BENCH_SESSION" "$BASE/accounts?owner=$owner&sort=name,asc&size=50"
			replay_script list --replace "$owner" "$(sample_pick owner)" --prelude "$(sample_prelude owner)" ;;
		team)
			capture_request team 200 -- -b "JSESSIONID=$SALES_SESSION" "$BASE/accounts?sort=name,asc&size=50"
			replay_script team ;;
		get)
			id=$(head -1 "$BENCH_IDS_FILE")
			capture_request get 200 -- -H "Authorization: Bearer $BENCH_TOKEN" -H 'Accept: application/json' "$BASE/api/v1/accounts/$id"
			replay_script get --replace "$id" "$(sample_pick get)" --prelude "$(sample_prelude get)" ;;
		create) capture_create create "$BENCH_TOKEN" ;;
		board)
			capture_request board 200 -- -b "JSESSIONID=$BENCH_SESSION" "$BASE/opportunities/board?pipeline=$BENCH_PIPELINE"
			replay_script board ;;
		column)
			stage=$(head -1 "$BENCH_STAGES_FILE")
			capture_request column 200 -- -b "JSESSIONID=$BENCH_SESSION" -H 'HX-Request: true' "$BASE/opportunities/board/column?stage=$stage"
			replay_script column --replace "$stage" "$(sample_pick stage)" --prelude "$(sample_prelude stage)" ;;
		forecast)
			capture_request forecast 200 -- -b "JSESSIONID=$BENCH_SESSION" "$BASE/forecast?from=$BENCH_FORECAST_FROM&months=$FORECAST_MONTHS"
			replay_script forecast ;;
	esac
	CAPTURED[$1]=1
}

for scenario in $SCENARIOS; do
	case "$scenario" in
		list) for c in $LIST_CONNECTIONS; do run_wrk "list-c$c" account-list.lua "$c"; done
			capture_scenario list
			for c in $LIST_CONNECTIONS; do replay "list-c$c" list "$c"; done ;;
		team) for c in $TEAM_CONNECTIONS; do
				run_wrk "team-c$c" account-list.lua "$c" BENCH_OWNERS_FILE= BENCH_SESSION="$SALES_SESSION"
			done
			capture_scenario team
			for c in $TEAM_CONNECTIONS; do replay "team-c$c" team "$c"; done ;;
		get) run_wrk get account-get.lua "$API_CONNECTIONS"; capture_scenario get; replay get get "$API_CONNECTIONS" ;;
		create) run_wrk create account-create.lua "$API_CONNECTIONS"; capture_scenario create
			replay create create "$API_CONNECTIONS"; remove_replayed ;;
		board) run_wrk board opportunity-board.lua "$BOARD_CONNECTIONS"; capture_scenario board
			replay board board "$BOARD_CONNECTIONS" ;;
		column) run_wrk column opportunity-column.lua "$BOARD_CONNECTIONS"; capture_scenario column
			replay column column "$BOARD_CONNECTIONS" ;;
		forecast) run_wrk forecast forecast.lua "$FORECAST_CONNECTIONS"; capture_scenario forecast
			replay forecast forecast "$FORECAST_CONNECTIONS" ;;
		*) die "unknown scenario $scenario (list, team, get, create, board, column, forecast)" ;;
	esac
done
sleep 2
memory_report "$APP_PID"
# With APP_JAVA_OPTS=-XX:NativeMemoryTracking=summary this shows where the resident memory goes.
jcmd "$APP_PID" VM.native_memory summary >"$RUN_DIR/native-memory.txt" 2>&1 || true
if [[ "$PROFILE" == 1 ]]; then
	jcmd "$APP_PID" JFR.dump filename="$JFR_FILE" >/dev/null 2>&1 || true
fi
remove_created
stop_app

verdict() { # verdict VALUE OP TARGET
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		ok = (op == "<" ? v < t : v >= t)
		if (ok) { print "met" } else if (op == "<") { printf "missed by %.1f ms (%.2fx)", v - t, v / t }
		else { printf "missed by %.0f/s (%.0f%% of target)", t - v, 100 * v / t } }'
}

pg_version=$(q -c "show server_version")
java_version=$(java -version 2>&1 | head -1)
COMMIT=$(app_commit)

# table FILE RUN...: the results of the given runs, with a header that says when, on what and how busy the machine was
table() {
	local file="$1" n
	shift
	local -a runs=("$@")
	{
		echo "Run $RUN_ID ($(date -u -d "${RUN_ID:0:8} ${RUN_ID:9:2}:${RUN_ID:11:2}" '+%-d %B %Y, %H:%M UTC')), commit $COMMIT, on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory;"
		echo "PostgreSQL $pg_version; $java_version; application heap -Xmx$APP_HEAP; database $db_size ($counts)."
		echo "Each figure is one ${DURATION}-second run after a warm-up (wrk ${WARMUP} s, pgbench ${PG_WARMUP} s); wrk or pgbench, the"
		echo "application and PostgreSQL share the same $(nproc) cores. Search index: $INDEX_STATE."
		echo "CPU columns: cores kept busy on average by the application, by the PostgreSQL backends serving it, and by"
		echo "everything else on the machine (other CPU: the machine's load besides the run). PostgreSQL alone: the statements"
		echo "that one request of the scenario runs, captured from PostgreSQL's log and replayed with pgbench -M $PGBENCH_MODE with"
		echo "as many clients, in the application's transactions (see \`<scenario>-statements.sql\` in the run folder);"
		echo "Rapport / PostgreSQL: the application's requests per second as a share of PostgreSQL's replays per second."
		[[ -z "$APP_ARGS" ]] || echo "Application arguments for this run: \`$APP_ARGS\`."
		echo
		echo "| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req | app CPU | DB CPU | other CPU | PostgreSQL alone/s | PG p50 ms | PG p95 ms | PG DB CPU | PG other CPU | Rapport / PostgreSQL | target | result |"
		echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
		for n in "${runs[@]}"; do
			case $n in
				list-c1) label="(a) account list page, one owner, by name, 50 rows"
					target="p95 < 15 ms and ≤ 2× PostgreSQL's p95"
					v=$(verdict "$(field "$n" p95_ms)" "<" 15)
					if [[ -n "$(field "$n" pg_p95_ms)" ]]; then
						v="$v; $(awk -v a="$(field "$n" p95_ms)" -v p="$(field "$n" pg_p95_ms)" \
							'BEGIN { printf "%.1f× PostgreSQL%s", a / p, (a <= 2 * p ? " (met)" : " (missed)") }')"
					fi ;;
				list-*) label="(a) account list page, one owner, by name, 50 rows"
					target="p95 < 50 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 50) ;;
				team-*) label="(a') account list page, no filter, by name, 50 rows, as sales user $SALES_USER"
					target="(p95 < 50 ms)"; v=$(verdict "$(field "$n" p95_ms)" "<" 50) ;;
				get) label="(b) GET /api/v1/accounts/{id}, random ids"
					target="≥ 5000 req/s"; v=$(verdict "$(field get rps)" ">=" 5000) ;;
				create) label="(c) POST /api/v1/accounts"
					target="≥ 1500 creates/s"; v=$(verdict "$(field create rps)" ">=" 1500) ;;
				board) label="(e) board page of the pipeline with $BOARD_OPEN_COUNT open opportunities (headers, counts, sums)"
					target="p95 < 300 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 300) ;;
				column) label="(e') first 25 cards of a board column, random open stage of that pipeline"
					target="p95 < 300 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 300) ;;
				forecast) label="(f) forecast page, $FORECAST_MONTHS months by owner, over $OPPORTUNITY_COUNT opportunities"
					target="p95 < 1000 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 1000) ;;
			esac
			errors=$(( $(field "$n" socket_errors) + $(field "$n" unexpected_status) ))
			per_request=$(awk -v c="$(field "$n" app_cpu)" -v r="$(field "$n" rps)" 'BEGIN { printf "%.2f", (r > 0 ? 1000 * c / r : 0) }')
			if [[ -n "${PG[$n]:-}" ]]; then
				pg_cols="$(field "$n" pg_tps) | $(field "$n" pg_p50_ms) | $(field "$n" pg_p95_ms) | $(field "$n" pg_db_cpu) | $(field "$n" pg_other_cpu) | $(ratio "$(field "$n" rps)" "$(field "$n" pg_tps)")"
			else
				pg_cols="– | – | – | – | – | –"
			fi
			printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "${CONNS[$n]}" \
				"$(field "$n" rps)" "$(field "$n" p50_ms)" "$(field "$n" p95_ms)" "$(field "$n" p99_ms)" \
				"$errors" "$per_request" "$(field "$n" app_cpu)" "$(field "$n" db_cpu)" "$(field "$n" other_cpu)" \
				"$pg_cols" "$target" "$v"
		done
		echo
		echo "(d) memory of the application after the runs: $MEMORY_LINE."
		[[ -z "$REMOVED_LINE" ]] || { echo; echo "$REMOVED_LINE"; }
	} >"$file"
}

account_runs=() sales_runs=()
for n in "${RUNS[@]}"; do
	case $n in board|column|forecast) sales_runs+=("$n") ;; *) account_runs+=("$n") ;; esac
done
RESULTS="$RUN_DIR/results.md"
((${#account_runs[@]} == 0)) || table "$RUN_DIR/results-accounts.md" "${account_runs[@]}"
((${#sales_runs[@]} == 0)) || table "$RUN_DIR/results-sales.md" "${sales_runs[@]}"
for part in accounts sales; do
	[[ -f "$RUN_DIR/results-$part.md" ]] && { cat "$RUN_DIR/results-$part.md"; echo; }
done >"$RESULTS"
echo
cat "$RESULTS"
echo
log "raw wrk and pgbench output, the captured statements and the application log are in $RUN_DIR"

if ((UPDATE_DOC)); then
	((${#account_runs[@]} == 0)) || update_doc benchmark-results "$RUN_DIR/results-accounts.md" "## Latest results"
	((${#sales_runs[@]} == 0)) || update_doc sales-results "$RUN_DIR/results-sales.md" "## Sales: the board and the forecast"
fi
