#!/usr/bin/env bash
# Measures Rapport against a database filled by scripts/generate-data.sh:
#   (a) the account list page (HTML), one owner, sorted by name, 50 rows, as a signed-in administrator
#   (a') the unfiltered account list page, sorted by name, 50 rows, as a sales user (sees their team's accounts)
#   (b) GET /api/v1/accounts/{id} for random existing ids
#   (c) POST /api/v1/accounts
#   (d) the resident memory of the application afterwards
# The packaged application runs with -Xmx512m on a free port of 127.0.0.1; wrk drives it (each run bounded
# by DURATION seconds). Prints a results table; with --update-doc also writes it into docs/BENCHMARKS.md.
#
#   scripts/benchmark.sh                    # measure and print
#   scripts/benchmark.sh --update-doc       # ... and replace the results section of docs/BENCHMARKS.md
#
# Settings (environment):
#   PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE   as for generate-data.sh (default rapport_bench)
#   RAPPORT_JAR                 application jar (default target/rapport.jar, built if missing)
#   RAPPORT_ADMIN_PASSWORD      password of 'admin' (default rapport-bench-admin, as generate-data.sh sets it)
#   DURATION                    seconds of each measured run (default 30)
#   WARMUP                      seconds of warm-up before each measured run (default 15)
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

check_database_name
if ! command -v wrk >/dev/null; then
	log "installing wrk"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; } \
		|| die "wrk is missing (apt-get install -y wrk)"
fi
command -v curl >/dev/null || die "curl is missing"
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

# An API token for 'admin', stored the way the application stores tokens (SHA-256 of the secret) and
# removed again at the end.
BENCH_TOKEN="rpt_bench_$(openssl rand -hex 20)"
export BENCH_TOKEN
RUN_STARTED=$(q -c "select now()")
cleanup() {
	stop_app
	q -c "delete from api_token where name = 'Benchmark $RUN_ID'" >/dev/null 2>&1 || true
	# The accounts that (c) created go again, so that every run starts from the generated data.
	local created
	created=$(q -c "with gone as (delete from account where created_at >= '$RUN_STARTED'
		and created_by = (select id from app_user where username = 'admin') returning 1) select count(*) from gone" 2>/dev/null) || return 0
	if ((created > 0)); then
		log "removing the $created accounts this run created"
		psql -X -q -c "vacuum (analyze) account" >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
q -c "delete from api_token where name like 'Benchmark %'"
q -c "insert into api_token (id, user_id, name, token_hash, hint, created_at)
	select encode(int8send((floor(date_part('epoch', now()) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
			|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
				+ floor(random() * 2147483648)::bigint), 'hex')::uuid,
		id, 'Benchmark $RUN_ID', encode(sha256(convert_to('$BENCH_TOKEN', 'UTF8')), 'hex'), left('$BENCH_TOKEN', 8), now()
	from app_user where username = 'admin'" >/dev/null

# Random existing account ids for (b) and the owners for (a).
export BENCH_IDS_FILE="$RUN_DIR/account-ids.txt"
export BENCH_OWNERS_FILE="$RUN_DIR/owners.txt"
q -c "select id from account tablesample system (2) limit 50000" >"$BENCH_IDS_FILE"
q -c "select distinct owner_id from account where owner_id in (select id from app_user where username <> 'admin')" >"$BENCH_OWNERS_FILE"
log "$(wc -l <"$BENCH_IDS_FILE") sample account ids, $(wc -l <"$BENCH_OWNERS_FILE") owners"

JFR_FILE="$RUN_DIR/profile.jfr"
if [[ "$PROFILE" == 1 ]]; then
	APP_JAVA_OPTS="${APP_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$JFR_FILE,settings=profile,dumponexit=true"
fi
# shellcheck disable=SC2086 # APP_ARGS holds several arguments
start_app "$RUN_DIR/app.log" $APP_ARGS
BASE="http://127.0.0.1:$APP_PORT"

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
	export BENCH_FORECAST_FROM=$(date -u +%Y-%m) BENCH_FORECAST_MONTHS="$FORECAST_MONTHS"
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/opportunities/board?pipeline=$BENCH_PIPELINE")
	[[ "$status" == 200 ]] && grep -q 'data-count=' "$page" || die "the board page answered $status"
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/opportunities/board/column?stage=$(head -1 "$BENCH_STAGES_FILE")")
	cards=$(grep -c 'board-card' "$page" || true)
	[[ "$status" == 200 && "$cards" -ge 25 ]] || die "a board column answered $status with $cards cards (want 25)"
	status=$(curl -sS -o "$page" -w '%{http_code}' -b "JSESSIONID=$BENCH_SESSION" "$BASE/forecast?from=$BENCH_FORECAST_FROM&months=$FORECAST_MONTHS")
	[[ "$status" == 200 ]] && grep -q 'forecast-table' "$page" || die "the forecast page answered $status"
	log "sales requests checked: board $BOARD_OPEN_COUNT open opportunities, column 25 cards, forecast 200"
fi

# The PostgreSQL backends serving the application (its connection pool).
APP_PG_PIDS() { q -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"; }
cpu_ticks() { # user+system clock ticks of the given pids
	local total=0 pid f
	for pid in "$@"; do
		if [[ -r "/proc/$pid/stat" ]]; then
			f=$(sed 's/^.*) //' "/proc/$pid/stat")
			total=$((total + $(echo "$f" | awk '{ print $12 + $13 }')))
		fi
	done
	echo "$total"
}
busy_ticks() { # machine-wide busy clock ticks (all cores)
	awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
# The cores that processes other than the application, PostgreSQL and wrk keep busy over a few seconds.
other_cores() {
	local hz b0 j0 p0 b1 j1 p1
	local -a pg_pids
	hz=$(getconf CLK_TCK)
	mapfile -t pg_pids < <(APP_PG_PIDS)
	b0=$(busy_ticks); j0=$(cpu_ticks "$APP_PID"); p0=$(cpu_ticks "${pg_pids[@]}")
	sleep 3
	b1=$(busy_ticks); j1=$(cpu_ticks "$APP_PID"); p1=$(cpu_ticks "${pg_pids[@]}")
	awk -v b=$((b1 - b0)) -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$hz" 'BEGIN { v = (b - j - p) / hz / 3; printf "%.2f", v < 0 ? 0 : v }'
}
wait_for_quiet() {
	local deadline=$((SECONDS + QUIET_WAIT)) other
	while :; do
		other=$(other_cores)
		awk -v o="$other" -v q="$QUIET_CORES" 'BEGIN { exit !(o < q) }' && return 0
		if ((SECONDS >= deadline)); then
			log "other processes keep $other cores busy; measuring anyway (see the 'other CPU' column)"
			return 0
		fi
		log "other processes keep $other cores busy; waiting for a quieter machine"
		sleep 5
	done
}
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status"; }
hwm_kb() { awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status"; }

declare -A RESULT CONNS
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
	local hz j0 p0 j1 p1 t0 t1 b0 b1
	local -a pg_pids
	hz=$(getconf CLK_TCK)
	mapfile -t pg_pids < <(APP_PG_PIDS)
	b0=$(busy_ticks); j0=$(cpu_ticks "$APP_PID"); p0=$(cpu_ticks "${pg_pids[@]}"); t0=$(date +%s.%N)
	local TIMEFORMAT='%U %S'
	{ time "${with[@]}" wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_LUA_DIR/$script" "$BASE" \
		>"$RUN_DIR/$name.txt" 2>&1; } 2>"$RUN_DIR/$name-wrk-cpu.txt"
	t1=$(date +%s.%N); j1=$(cpu_ticks "$APP_PID"); p1=$(cpu_ticks "${pg_pids[@]}"); b1=$(busy_ticks)
	RUNS+=("$name"); CONNS[$name]=$connections
	local line
	line=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	RESULT[$name]="$line $(awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
		-v w="$(cat "$RUN_DIR/$name-wrk-cpu.txt")" \
		'BEGIN { s = t1 - t0; split(w, c, " "); a = j / hz / s; d = p / hz / s; k = (c[1] + c[2]) / s
			o = b / hz / s - a - d - k; if (o < 0) o = 0
			printf "app_cpu=%.2f db_cpu=%.2f wrk_cpu=%.2f other_cpu=%.2f", a, d, k, o }')"
	log "$name: ${RESULT[$name]}"
}
field() { # field NAME KEY
	echo "${RESULT[$1]}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'
}

for scenario in $SCENARIOS; do
	case "$scenario" in
		list) for c in $LIST_CONNECTIONS; do run_wrk "list-c$c" account-list.lua "$c"; done ;;
		team) for c in $TEAM_CONNECTIONS; do
				run_wrk "team-c$c" account-list.lua "$c" BENCH_OWNERS_FILE= BENCH_SESSION="$SALES_SESSION"
			done ;;
		get) run_wrk get account-get.lua "$API_CONNECTIONS" ;;
		create) run_wrk create account-create.lua "$API_CONNECTIONS" ;;
		board) run_wrk board opportunity-board.lua "$BOARD_CONNECTIONS" ;;
		column) run_wrk column opportunity-column.lua "$BOARD_CONNECTIONS" ;;
		forecast) run_wrk forecast forecast.lua "$FORECAST_CONNECTIONS" ;;
		*) die "unknown scenario $scenario (list, team, get, create, board, column, forecast)" ;;
	esac
done
sleep 2
RSS_MB=$(( $(rss_kb) / 1024 ))
HWM_MB=$(( $(hwm_kb) / 1024 ))
HEAP=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n '2p' | tr -s ' ' | sed 's/^ //; s/ \[.*$//' || true)
# With APP_JAVA_OPTS=-XX:NativeMemoryTracking=summary this shows where the resident memory goes.
jcmd "$APP_PID" VM.native_memory summary >"$RUN_DIR/native-memory.txt" 2>&1 || true
if [[ "$PROFILE" == 1 ]]; then
	jcmd "$APP_PID" JFR.dump filename="$JFR_FILE" >/dev/null 2>&1 || true
fi
stop_app

verdict() { # verdict VALUE OP TARGET
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		ok = (op == "<" ? v < t : v >= t)
		if (ok) { print "met" } else if (op == "<") { printf "missed by %.1f ms (%.2fx)", v - t, v / t }
		else { printf "missed by %.0f/s (%.0f%% of target)", t - v, 100 * v / t } }'
}

pg_version=$(q -c "show server_version")
java_version=$(java -version 2>&1 | head -1)

RESULTS="$RUN_DIR/results.md"
{
	echo "Run $RUN_ID on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory;"
	echo "PostgreSQL $pg_version; $java_version; application heap -Xmx$APP_HEAP; database $db_size ($counts)."
	echo "Each figure is one ${DURATION}-second wrk run after a ${WARMUP}-second warm-up of the same requests;"
	echo "wrk, the application and PostgreSQL share the same $(nproc) cores. CPU columns: cores kept busy on average by"
	echo "the application, by the PostgreSQL backends serving it, by wrk, and by everything else on the machine."
	[[ -z "$APP_ARGS" ]] || echo "Application arguments for this run: \`$APP_ARGS\`."
	echo
	echo "| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | app CPU | app CPU ms/req | DB CPU | wrk CPU | other CPU | target | result |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
	for n in "${RUNS[@]}"; do
		conns=${CONNS[$n]}
		case $n in
			list-*) label="(a) account list page, one owner, by name, 50 rows"
				target="p95 < 50 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 50) ;;
			team-*) label="(a') account list page, no filter, by name, 50 rows, as sales user $SALES_USER"
				target="(p95 < 50 ms)"; v=$(verdict "$(field "$n" p95_ms)" "<" 50) ;;
			get) label="(b) GET /api/v1/accounts/{id}, random ids"
				target="≥ 2000 req/s"; v=$(verdict "$(field get rps)" ">=" 2000) ;;
			create) label="(c) POST /api/v1/accounts"
				target="≥ 500 creates/s"; v=$(verdict "$(field create rps)" ">=" 500) ;;
			board) label="(e) board page of the pipeline with $BOARD_OPEN_COUNT open opportunities (headers, counts, sums)"
				target="p95 < 300 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 300) ;;
			column) label="(e') first 25 cards of a board column, random open stage of that pipeline"
				target="p95 < 300 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 300) ;;
			forecast) label="(f) forecast page, $FORECAST_MONTHS months by owner, over $OPPORTUNITY_COUNT opportunities"
				target="p95 < 1000 ms"; v=$(verdict "$(field "$n" p95_ms)" "<" 1000) ;;
		esac
		errors=$(( $(field "$n" socket_errors) + $(field "$n" unexpected_status) ))
		per_request=$(awk -v c="$(field "$n" app_cpu)" -v r="$(field "$n" rps)" 'BEGIN { printf "%.2f", (r > 0 ? 1000 * c / r : 0) }')
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$conns" \
			"$(field "$n" rps)" "$(field "$n" p50_ms)" "$(field "$n" p95_ms)" "$(field "$n" p99_ms)" "$(field "$n" max_ms)" \
			"$errors" "$(field "$n" app_cpu)" "$per_request" "$(field "$n" db_cpu)" "$(field "$n" wrk_cpu)" "$(field "$n" other_cpu)" "$target" "$v"
	done
	echo
	echo "(d) resident memory of the application after the runs: **$RSS_MB MiB** RSS (peak $HWM_MB MiB); heap: ${HEAP:-n/a}."
} >"$RESULTS"
echo
cat "$RESULTS"
echo
log "raw wrk output and the application log are in $RUN_DIR"

if ((UPDATE_DOC)); then
	doc="$ROOT/docs/BENCHMARKS.md"
	start='<!-- benchmark-results:start -->'
	end='<!-- benchmark-results:end -->'
	if [[ -f "$doc" ]] && grep -q "$start" "$doc" && grep -q "$end" "$doc"; then
		awk -v start="$start" -v end="$end" -v file="$RESULTS" '
			$0 == start { print; while ((getline line < file) > 0) print line; skip = 1; next }
			$0 == end { skip = 0 }
			!skip { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
	else
		{ echo; echo "## Latest results"; echo; echo "$start"; cat "$RESULTS"; echo "$end"; } >>"$doc"
	fi
	log "updated $doc"
fi
