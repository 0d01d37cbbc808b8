#!/usr/bin/env bash
# Measures the global search against a database filled by scripts/generate-data.sh:
#   (r) rebuilding the whole search index from the database (MassIndexer), its time and its size on disk
#   (s) GET /api/v1/search with typical queries, as an administrator (sees all) and as a sales user of one team
#       (the visibility rule in the query): the ten best hits with 1 and 4 connections, and with the counts per
#       kind (counts=true, the results page) with 1 connection
#   (t) the dropdown of the navigation (GET /search/suggest) as the sales user
#   (v) GET /api/v1/search with words found only inside names and phone numbers, as an administrator: three to five
#       letters from the middle of last names, four to six digits from the middle of phone numbers
#   (u) POST /api/v1/accounts, now that each new account is indexed after its commit
# The queries are drawn from the data: whole last names and company words, their first three to five letters,
# last names with one letter changed, "first last" names and the beginnings of e-mail addresses; (v) has its own.
# With REBUILD=0 the script waits, before measuring, until the application reports no rebuild of the index running
# (an empty index folder is rebuilt at start).
# Beside each figure: PostgreSQL alone, the statements one request of the scenario runs in the database (the search
# itself runs in Lucene; the database gives the token check, the names behind the hits, the insert of a create),
# captured from PostgreSQL's log and replayed with pgbench as in scripts/benchmark.sh; the CPU of the application, of
# its PostgreSQL backends and of everything else on the machine during each run; and at the end the application's
# heap and resident memory (anonymous, file-mapped, shared). The accounts that (u) created are deleted again through
# DELETE /api/v1/accounts/{id}, so that the index forgets them too.
# Prints a results table; with --update-doc also writes it into the search section of docs/BENCHMARKS.md.
#
#   scripts/search-benchmark.sh                 # rebuild, measure and print
#   scripts/search-benchmark.sh --update-doc    # ... and replace the search results in docs/BENCHMARKS.md
#
# Settings (environment), besides those of scripts/benchmark.sh (PG*, RAPPORT_JAR, RAPPORT_COMMIT,
# RAPPORT_ADMIN_PASSWORD, APP_HEAP, PG_REPLAY, PG_WARMUP, PGBENCH_MODE, PG_LOG_FILE):
#   DURATION, WARMUP        seconds of each measured run and of its warm-up (default 30 and 10)
#   SEARCH_CONNECTIONS      concurrent clients of the search runs, one run per number (default "1 4")
#   LOADING_THREADS         rapport.search.loading-threads for the rebuild (default 2)
#   BATCH_SIZE              rapport.search.batch-size for the rebuild (default 500)
#   REBUILD=0               keep the index of an earlier run instead of rebuilding it
#   SCENARIOS               default "admin admin-counts sales sales-counts suggest contains contains-counts create"
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
: "${SEARCH_CONNECTIONS:=1 4}"
: "${LOADING_THREADS:=2}"
: "${BATCH_SIZE:=500}"
: "${REBUILD:=1}"
: "${SCENARIOS:=admin admin-counts sales sales-counts suggest contains contains-counts create}"
: "${PG_REPLAY:=1}"
((DURATION <= 300)) || die "DURATION is limited to 300 seconds per run"
((WARMUP <= 300)) || die "WARMUP is limited to 300 seconds per run"

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
counts=$(q -c "select (select count(*) from account) || ' accounts, ' || (select count(*) from contact) || ' contacts, '
	|| (select count(*) from lead) || ' leads, ' || (select count(*) from opportunity) || ' opportunities, '
	|| (select count(*) from sales_order) || ' orders'")

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/search-$RUN_ID"
mkdir -p "$RUN_DIR"
export BENCH_LUA_DIR="$ROOT/scripts/wrk"
INDEX_DIR="$APP_DATA_DIR/index"

SALES_USER=$(q -c "select username from app_user where roles = 'SALES' and team_id is not null order by username limit 1")
[[ -n "$SALES_USER" ]] || die "no sales user in $PGDATABASE: run scripts/generate-data.sh first"

RUN_STARTED=$(q -c "select now()")
# The accounts that (u) and the captured create made go again, through the API while the application runs, so
# that the index forgets them too.
REMOVED_LINE=""
remove_created() {
	local ids="$RUN_DIR/created-ids.txt" n total t0=$SECONDS
	q -c "select id from account where created_at >= '$RUN_STARTED'
		and created_by = (select id from app_user where username = 'admin')" >"$ids" 2>/dev/null || return 0
	total=$(grep -c . "$ids" || true)
	((total > 0)) || return 0
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		log "removing the $total accounts the runs created, through DELETE /api/v1/accounts/{id}"
		n=$(api_delete "$ids" /api/v1/accounts "$ADMIN_TOKEN")
		REMOVED_LINE="The runs created $total accounts through the application; $n were deleted again through DELETE /api/v1/accounts/{id} ($((SECONDS - t0)) s), so the index forgets them too."
		log "$REMOVED_LINE"
	else
		log "the application stopped before the $total accounts the runs created could be deleted through it: they stay (delete them through the API, or rebuild the index after deleting them)"
	fi
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
new_token admin ADMIN_TOKEN "Benchmark $RUN_ID"
new_token "$SALES_USER" SALES_TOKEN "Benchmark $RUN_ID"

# Typical queries, drawn from the data.
QUERIES="$RUN_DIR/queries.txt"
q -c "
	(select lower(last_name) from contact tablesample system (0.1) limit 100)
	union all (select left(last_name, 3 + (random() * 2)::int) from contact tablesample system (0.1) limit 100)
	union all (select overlay(lower(last_name) placing 'x' from 3 for 1) from contact tablesample system (0.1)
		where length(last_name) >= 5 limit 100)
	union all (select first_name || ' ' || last_name from contact tablesample system (0.1) limit 50)
	union all (select split_part(name, ' ', 1) from account tablesample system (0.1) limit 50)
	union all (select left(split_part(name, ' ', 1), 4) from account tablesample system (0.1) limit 50)
	union all (select left(email, 8) from contact tablesample system (0.1) limit 50)" | shuf >"$QUERIES"
log "$(wc -l <"$QUERIES") queries, e.g. $(head -5 "$QUERIES" | paste -sd '|' | sed 's/|/, /g')"
export BENCH_QUERIES_FILE="$QUERIES"
# Words found only inside: the middle of last names (from their third letter) and of phone numbers' digits.
CONTAINS_QUERIES="$RUN_DIR/contains-queries.txt"
q -c "
	(select lower(substr(last_name, 3, 3 + (random() * 2)::int)) from contact tablesample system (0.1)
		where length(last_name) >= 6 limit 250)
	union all (select substr(regexp_replace(phone, '[^0-9]', '', 'g'), 4 + (random() * 3)::int, 4 + (random() * 2)::int)
		from contact tablesample system (0.1) where phone is not null limit 250)" | shuf >"$CONTAINS_QUERIES"
log "$(wc -l <"$CONTAINS_QUERIES") contains queries, e.g. $(head -5 "$CONTAINS_QUERIES" | paste -sd '|' | sed 's/|/, /g')"

args=(--rapport.search.loading-threads="$LOADING_THREADS" --rapport.search.batch-size="$BATCH_SIZE")
if ((REBUILD)); then
	rm -rf "$INDEX_DIR"
	args+=(--rapport.search.rebuild=true)
fi
start_app "$RUN_DIR/app.log" "${args[@]}"
BASE="http://127.0.0.1:$APP_PORT"

status_json() { curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/search/reindex"; }
REBUILD_LINE="(index of an earlier run kept)"
if ((REBUILD)); then
	log "rebuilding the search index ($LOADING_THREADS loading threads, batches of $BATCH_SIZE)"
	last_report=$SECONDS
	while :; do
		s=$(status_json)
		state=$(echo "$s" | json_field state)
		[[ "$state" == RUNNING || "$state" == IDLE ]] || break
		if ((SECONDS - last_report >= 60)); then
			log "  $(echo "$s" | json_field indexed) of $(echo "$s" | json_field total) records, $(echo "$s" | json_field seconds) s"
			last_report=$SECONDS
		fi
		sleep 2
	done
	[[ "$state" == DONE ]] || die "the rebuild ended as $state: $s"
	seconds=$(echo "$s" | json_field seconds)
	indexed=$(echo "$s" | json_field indexed)
	REBUILD_LINE="$indexed records in $seconds s ($(awk -v n="$indexed" -v s="$seconds" 'BEGIN { printf "%.0f", n / (s > 0 ? s : 1) }') records/s), $LOADING_THREADS loading threads, batches of $BATCH_SIZE"
	log "rebuilt: $REBUILD_LINE"
	INDEX_STATE="measured after the rebuild had ended"
else
	wait_for_index "$ADMIN_TOKEN"
	if [[ "$INDEX_STATE" == waited* ]]; then REBUILD_LINE="the empty index was rebuilt at start: $INDEX_STATE"; fi
fi
INDEX_SIZE=$(du -sh "$INDEX_DIR" | cut -f1)
INDEX_DETAIL=$(for d in "$INDEX_DIR"/*/; do printf '%s %s, ' "$(basename "$d")" "$(du -sh "$d" | cut -f1)"; done | sed 's/, $//')
log "index size $INDEX_SIZE ($INDEX_DETAIL)"

# Sign in through the login form for the dropdown runs; prints the session id.
sign_in() {
	local user="$1" jar="$RUN_DIR/cookies-$1.txt" csrf session
	csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
	curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" \
		--data-urlencode "password=$RAPPORT_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
	session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
	[[ -n "$session" ]] || die "no session cookie after signing in as $user"
	echo "$session"
}
SALES_SESSION=$(sign_in "$SALES_USER")

# Each kind of request answers as it should before it is measured.
probe=$(head -1 "$QUERIES" | sed 's/ /%20/g')
out="$RUN_DIR/probe.json"
code=$(curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/search?q=$probe&size=10")
if [[ "$code" != 200 ]] || ! grep -q '"items":\[{' "$out"; then die "the search API answered $code: $(head -c 300 "$out")"; fi
code=$(curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $SALES_TOKEN" "$BASE/api/v1/search?q=$probe&size=10")
[[ "$code" == 200 ]] || die "the search API answered $code to $SALES_USER"
code=$(curl -sS -o "$out" -w '%{http_code}' -b "JSESSIONID=$SALES_SESSION" "$BASE/search/suggest?q=$probe")
if [[ "$code" != 200 ]] || ! grep -q 'search-suggestions' "$out"; then die "the dropdown answered $code"; fi
for probe in $(head -1 "$CONTAINS_QUERIES") $(grep -m1 '^[0-9]' "$CONTAINS_QUERIES"); do
	code=$(curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/search?q=$probe&size=10")
	if [[ "$code" != 200 ]] || ! grep -q '"items":\[{' "$out"; then die "the search API answered $code to $probe: $(head -c 300 "$out")"; fi
done
log "requests checked"

field() { echo "${RESULT[$1]} ${PG[$1]:-}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
declare -A RESULT CONNS PG CAPTURED
RUNS=()
run_wrk() { # run_wrk NAME SCRIPT CONNECTIONS [VAR=VALUE...]
	local name="$1" script="$2" connections="$3" threads=2
	shift 3
	((threads <= connections)) || threads=$connections
	log "$name: warm-up ${WARMUP}s, then ${DURATION}s with $connections connections"
	env "$@" wrk -t"$threads" -c"$connections" -d"${WARMUP}s" --timeout 10s -s "$BENCH_LUA_DIR/$script" "$BASE" \
		>"$RUN_DIR/$name-warmup.txt" 2>&1
	measure "$RUN_DIR/$name.txt" app_backend_pids -- env "$@" wrk -t"$threads" -c"$connections" -d"${DURATION}s" \
		--timeout 10s --latency -s "$BENCH_LUA_DIR/$script" "$BASE"
	local line
	line=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	RESULT[$name]="$line ${MEASURED/client_cpu/wrk_cpu}"
	RUNS+=("$name"); CONNS[$name]=$connections
	log "$name: ${RESULT[$name]}"
}
# replay NAME CAPTURE CONNECTIONS: PostgreSQL alone for the run NAME, with the statements captured as CAPTURE.
replay() {
	((PG_REPLAY)) || return 0
	run_pgbench "$1" "$2" "$3"
	PG[$1]="$PG_RESULT"
}
# capture_scenario SCENARIO: the statements of one request of SCENARIO (with the first query), once per scenario.
capture_scenario() {
	((PG_REPLAY)) || return 0
	[[ -z "${CAPTURED[$1]:-}" ]] || return 0
	local query
	query=$(head -1 "$QUERIES" | sed 's/ /%20/g')
	[[ "$1" != contains* ]] || query=$(head -1 "$CONTAINS_QUERIES")
	case "$1" in
		admin) capture_request admin 200 -- -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&counts=false&q=$query" ;;
		admin-counts) capture_request admin-counts 200 -- -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&q=$query" ;;
		sales) capture_request sales 200 -- -H "Authorization: Bearer $SALES_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&counts=false&q=$query" ;;
		sales-counts) capture_request sales-counts 200 -- -H "Authorization: Bearer $SALES_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&q=$query" ;;
		contains) capture_request contains 200 -- -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&counts=false&q=$query" ;;
		contains-counts) capture_request contains-counts 200 -- -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json' \
				"$BASE/api/v1/search?size=10&q=$query" ;;
		suggest) capture_request suggest 200 -- -b "JSESSIONID=$SALES_SESSION" -H 'HX-Request: true' \
				"$BASE/search/suggest?size=10&q=$query" ;;
	esac
	if [[ "$1" == create ]]; then capture_create create "$ADMIN_TOKEN"; else replay_script "$1"; fi
	CAPTURED[$1]=1
}

for scenario in $SCENARIOS; do
	case "$scenario" in
		admin) for c in $SEARCH_CONNECTIONS; do
				run_wrk "admin-c$c" search.lua "$c" BENCH_TOKEN="$ADMIN_TOKEN" BENCH_SEARCH_PARAMS="&counts=false"
			done
			capture_scenario admin
			for c in $SEARCH_CONNECTIONS; do replay "admin-c$c" admin "$c"; done ;;
		admin-counts) run_wrk admin-counts-c1 search.lua 1 BENCH_TOKEN="$ADMIN_TOKEN"
			capture_scenario admin-counts; replay admin-counts-c1 admin-counts 1 ;;
		sales) for c in $SEARCH_CONNECTIONS; do
				run_wrk "sales-c$c" search.lua "$c" BENCH_TOKEN="$SALES_TOKEN" BENCH_SEARCH_PARAMS="&counts=false"
			done
			capture_scenario sales
			for c in $SEARCH_CONNECTIONS; do replay "sales-c$c" sales "$c"; done ;;
		sales-counts) run_wrk sales-counts-c1 search.lua 1 BENCH_TOKEN="$SALES_TOKEN"
			capture_scenario sales-counts; replay sales-counts-c1 sales-counts 1 ;;
		suggest) run_wrk suggest-c1 search.lua 1 BENCH_SESSION="$SALES_SESSION" BENCH_SEARCH_PATH=/search/suggest
			capture_scenario suggest; replay suggest-c1 suggest 1 ;;
		contains) for c in $SEARCH_CONNECTIONS; do
				run_wrk "contains-c$c" search.lua "$c" BENCH_TOKEN="$ADMIN_TOKEN" BENCH_SEARCH_PARAMS="&counts=false" \
					BENCH_QUERIES_FILE="$CONTAINS_QUERIES"
			done
			capture_scenario contains
			for c in $SEARCH_CONNECTIONS; do replay "contains-c$c" contains "$c"; done ;;
		contains-counts) run_wrk contains-counts-c1 search.lua 1 BENCH_TOKEN="$ADMIN_TOKEN" BENCH_QUERIES_FILE="$CONTAINS_QUERIES"
			capture_scenario contains-counts; replay contains-counts-c1 contains-counts 1 ;;
		create) run_wrk create-c16 account-create.lua 16 BENCH_TOKEN="$ADMIN_TOKEN"
			capture_scenario create; replay create-c16 create 16; remove_replayed ;;
		*) die "unknown scenario $scenario (admin, admin-counts, sales, sales-counts, suggest, contains, contains-counts, create)" ;;
	esac
done
sleep 2
memory_report "$APP_PID"
remove_created
stop_app

COMMIT=$(app_commit)
RESULTS="$RUN_DIR/results.md"
{
	echo "Run $RUN_ID ($(date -u -d "${RUN_ID:0:8} ${RUN_ID:9:2}:${RUN_ID:11:2}" '+%-d %B %Y, %H:%M UTC')), commit $COMMIT, on $(nproc) cores; PostgreSQL $(q -c 'show server_version' | cut -d' ' -f1);"
	echo "database: $counts. Index rebuild (r): $REBUILD_LINE; index size on disk **$INDEX_SIZE** ($INDEX_DETAIL)."
	echo "Each figure is one ${DURATION}-second run after a warm-up (wrk ${WARMUP} s, pgbench ${PG_WARMUP} s), over $(wc -l <"$QUERIES") queries"
	echo "drawn from the data ((v): $(wc -l <"$CONTAINS_QUERIES") words from inside last names and phone numbers); wrk or pgbench, the application and PostgreSQL share the machine. App CPU ms/req: the"
	echo "application's CPU time per request; CPU columns: cores kept busy on average by the application, by its PostgreSQL"
	echo "backends and by everything else on the machine (other CPU). PostgreSQL alone: the statements of one request"
	echo "(token check, names behind the hits, the insert of a create; the search itself runs in Lucene), captured from"
	echo "PostgreSQL's log and replayed with pgbench -M $PGBENCH_MODE with as many clients; Rapport / PostgreSQL: the"
	echo "application's requests per second as a share of PostgreSQL's replays per second."
	echo
	echo "| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req | app CPU | DB CPU | other CPU | PostgreSQL alone/s | PG p95 ms | PG other CPU | Rapport / PostgreSQL | target | result |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
	for n in "${RUNS[@]}"; do
		limit=50
		case $n in
			contains-counts-*) label="(v) GET /api/v1/search, a word inside names or phone numbers, ten best hits and counts per kind, as admin"; target="p95 < 25 ms"; limit=25 ;;
			contains-*) label="(v) GET /api/v1/search?counts=false, a word inside names or phone numbers, ten best hits, as admin"; target="p95 < 25 ms"; limit=25 ;;
			admin-counts-*) label="(s) GET /api/v1/search, ten best hits and counts per kind, as admin"; target="p95 < 50 ms" ;;
			admin-*) label="(s) GET /api/v1/search?counts=false, ten best hits, as admin"; target="p95 < 50 ms" ;;
			sales-counts-*) label="(s') GET /api/v1/search, ten best hits and counts per kind, as sales user $SALES_USER"; target="p95 < 50 ms" ;;
			sales-*) label="(s') GET /api/v1/search?counts=false, ten best hits, as sales user $SALES_USER (own team)"; target="p95 < 50 ms" ;;
			suggest-*) label="(t) dropdown GET /search/suggest as $SALES_USER"; target="p95 < 50 ms" ;;
			create-*) label="(u) POST /api/v1/accounts, each new account indexed after its commit"; target="≥ 1,500 creates/s" ;;
		esac
		if [[ $n == create-* ]]; then
			v=$(awk -v r="$(field "$n" rps)" 'BEGIN { print (r >= 1500 ? "met" : "missed") }')
		else
			v=$(awk -v p="$(field "$n" p95_ms)" -v l="$limit" 'BEGIN { print (p < l ? "met" : "missed") }')
		fi
		per_request=$(awk -v c="$(field "$n" app_cpu)" -v r="$(field "$n" rps)" 'BEGIN { printf "%.1f", (r > 0 ? 1000 * c / r : 0) }')
		if [[ -n "${PG[$n]:-}" ]]; then
			pg_cols="$(field "$n" pg_tps) | $(field "$n" pg_p95_ms) | $(field "$n" pg_other_cpu) | $(ratio "$(field "$n" rps)" "$(field "$n" pg_tps)")"
		else
			pg_cols="– | – | – | –"
		fi
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "${CONNS[$n]}" "$(field "$n" rps)" \
			"$(field "$n" p50_ms)" "$(field "$n" p95_ms)" "$(field "$n" p99_ms)" \
			"$(( $(field "$n" socket_errors) + $(field "$n" unexpected_status) ))" "$per_request" \
			"$(field "$n" app_cpu)" "$(field "$n" db_cpu)" "$(field "$n" other_cpu)" "$pg_cols" "$target" "$v"
	done
	echo
	echo "Memory of the application after the runs: $MEMORY_LINE."
	[[ -z "$REMOVED_LINE" ]] || { echo; echo "$REMOVED_LINE"; }
} >"$RESULTS"
echo
cat "$RESULTS"
echo
log "raw wrk and pgbench output, the queries, the captured statements and the application log are in $RUN_DIR"

if ((UPDATE_DOC)); then
	update_doc search-results "$RESULTS" "## Global search"
fi
