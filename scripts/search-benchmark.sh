#!/usr/bin/env bash
# Measures the global search against a database filled by scripts/generate-data.sh:
#   (r) rebuilding the whole search index from the database (MassIndexer), its time and its size on disk
#   (s) GET /api/v1/search with typical queries, as an administrator (sees all) and as a sales user of one team
#       (the visibility rule in the query): the ten best hits with 1 and 4 connections, and with the counts per
#       kind (counts=true, the results page) with 1 connection
#   (t) the dropdown of the navigation (GET /search/suggest) as the sales user
#   (u) POST /api/v1/accounts, now that each new account is indexed after its commit
# The queries are drawn from the data: whole last names and company words, their first three to five letters,
# last names with one letter changed, "first last" names and the beginnings of e-mail addresses.
# Prints a results table; with --update-doc also writes it into the search section of docs/BENCHMARKS.md.
#
#   scripts/search-benchmark.sh                 # rebuild, measure and print
#   scripts/search-benchmark.sh --update-doc    # ... and replace the search results in docs/BENCHMARKS.md
#
# Settings (environment), besides those of scripts/benchmark.sh (PG*, RAPPORT_JAR, RAPPORT_ADMIN_PASSWORD, APP_HEAP):
#   DURATION, WARMUP        seconds of each measured run and of its warm-up (default 30 and 10)
#   SEARCH_CONNECTIONS      concurrent clients of the search runs, one run per number (default "1 4")
#   LOADING_THREADS         rapport.search.loading-threads for the rebuild (default 2)
#   BATCH_SIZE              rapport.search.batch-size for the rebuild (default 500)
#   REBUILD=0               keep the index of an earlier run instead of rebuilding it
#   SCENARIOS               default "admin admin-counts sales sales-counts suggest create"
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
: "${WARMUP:=10}"
: "${SEARCH_CONNECTIONS:=1 4}"
: "${LOADING_THREADS:=2}"
: "${BATCH_SIZE:=500}"
: "${REBUILD:=1}"
: "${SCENARIOS:=admin admin-counts sales sales-counts suggest create}"
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
counts=$(q -c "select (select count(*) from account) || ' accounts, ' || (select count(*) from contact) || ' contacts, '
	|| (select count(*) from lead) || ' leads, ' || (select count(*) from opportunity) || ' opportunities, '
	|| (select count(*) from sales_order) || ' orders'")

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/search-$RUN_ID"
mkdir -p "$RUN_DIR"
export BENCH_LUA_DIR="$ROOT/scripts/wrk"
INDEX_DIR="$BENCH_WORK_DIR/data/index"

SALES_USER=$(q -c "select username from app_user where roles = 'SALES' and team_id is not null order by username limit 1")
[[ -n "$SALES_USER" ]] || die "no sales user in $PGDATABASE: run scripts/generate-data.sh first"

# API tokens of 'admin' and the sales user, stored as the application stores them, removed again at the end.
new_token() { # new_token USERNAME VARIABLE
	local secret="rpt_bench_$(openssl rand -hex 20)"
	q -c "insert into api_token (id, user_id, name, token_hash, hint, created_at)
		select encode(int8send((floor(date_part('epoch', now()) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
				|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
					+ floor(random() * 2147483648)::bigint), 'hex')::uuid,
			id, 'Benchmark $RUN_ID', encode(sha256(convert_to('$secret', 'UTF8')), 'hex'), left('$secret', 8), now()
		from app_user where username = '$1'" >/dev/null
	printf -v "$2" '%s' "$secret"
}
RUN_STARTED=$(q -c "select now()")
# The accounts that (u) created go again, through the API while the application runs, so that the index
# forgets them too.
remove_created() {
	local ids id n=0
	ids=$(q -c "select id from account where created_at >= '$RUN_STARTED'
		and created_by = (select id from app_user where username = 'admin')" 2>/dev/null) || return 0
	for id in $ids; do
		curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/accounts/$id" && n=$((n + 1))
	done
	((n == 0)) || log "removed the $n accounts this run created"
}
cleanup() {
	stop_app
	q -c "delete from api_token where name = 'Benchmark $RUN_ID'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
new_token admin ADMIN_TOKEN
new_token "$SALES_USER" SALES_TOKEN

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

args=(--rapport.search.loading-threads="$LOADING_THREADS" --rapport.search.batch-size="$BATCH_SIZE")
if ((REBUILD)); then
	rm -rf "$INDEX_DIR"
	args+=(--rapport.search.rebuild=true)
fi
start_app "$RUN_DIR/app.log" "${args[@]}"
BASE="http://127.0.0.1:$APP_PORT"

status_json() { curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/search/reindex"; }
json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }
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
[[ "$code" == 200 ]] && grep -q '"items":\[{' "$out" || die "the search API answered $code: $(head -c 300 "$out")"
code=$(curl -sS -o "$out" -w '%{http_code}' -H "Authorization: Bearer $SALES_TOKEN" "$BASE/api/v1/search?q=$probe&size=10")
[[ "$code" == 200 ]] || die "the search API answered $code to $SALES_USER"
code=$(curl -sS -o "$out" -w '%{http_code}' -b "JSESSIONID=$SALES_SESSION" "$BASE/search/suggest?q=$probe")
[[ "$code" == 200 ]] && grep -q 'search-suggestions' "$out" || die "the dropdown answered $code"
log "requests checked"

field() { echo "${RESULT[$1]}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
declare -A RESULT CONNS CPU LOAD
RUNS=()
# user+system clock ticks of the application so far, for the CPU it spends per request: on a machine that
# other work keeps busy, latency measures the waiting too, CPU per request only the work.
app_ticks() { sed 's/^.*) //' "/proc/$APP_PID/stat" | awk '{ print $12 + $13 }'; }
run_wrk() { # run_wrk NAME SCRIPT CONNECTIONS [VAR=VALUE...]
	local name="$1" script="$2" connections="$3" threads=2
	shift 3
	((threads <= connections)) || threads=$connections
	log "$name: warm-up ${WARMUP}s, then ${DURATION}s with $connections connections"
	env "$@" wrk -t"$threads" -c"$connections" -d"${WARMUP}s" --timeout 10s -s "$BENCH_LUA_DIR/$script" "$BASE" \
		>"$RUN_DIR/$name-warmup.txt" 2>&1
	local t0 t1
	t0=$(app_ticks)
	env "$@" wrk -t"$threads" -c"$connections" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_LUA_DIR/$script" "$BASE" \
		>"$RUN_DIR/$name.txt" 2>&1
	t1=$(app_ticks)
	LOAD[$name]=$(cut -d' ' -f1 /proc/loadavg)
	RESULT[$name]=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	CPU[$name]=$(awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v n="$(field "$name" requests)" \
		'BEGIN { printf "%.1f", (n > 0 ? 1000 * t / hz / n : 0) }')
	RUNS+=("$name"); CONNS[$name]=$connections
	log "$name: ${RESULT[$name]} app_cpu_ms_per_request=${CPU[$name]}"
}

for scenario in $SCENARIOS; do
	case "$scenario" in
		admin) for c in $SEARCH_CONNECTIONS; do
				run_wrk "admin-c$c" search.lua "$c" BENCH_TOKEN="$ADMIN_TOKEN" BENCH_SEARCH_PARAMS="&counts=false"
			done ;;
		admin-counts) run_wrk admin-counts-c1 search.lua 1 BENCH_TOKEN="$ADMIN_TOKEN" ;;
		sales) for c in $SEARCH_CONNECTIONS; do
				run_wrk "sales-c$c" search.lua "$c" BENCH_TOKEN="$SALES_TOKEN" BENCH_SEARCH_PARAMS="&counts=false"
			done ;;
		sales-counts) run_wrk sales-counts-c1 search.lua 1 BENCH_TOKEN="$SALES_TOKEN" ;;
		suggest) run_wrk suggest-c1 search.lua 1 BENCH_SESSION="$SALES_SESSION" BENCH_SEARCH_PATH=/search/suggest ;;
		create) run_wrk create-c16 account-create.lua 16 BENCH_TOKEN="$ADMIN_TOKEN" ;;
		*) die "unknown scenario $scenario (admin, admin-counts, sales, sales-counts, suggest, create)" ;;
	esac
done
RSS_MB=$(( $(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status") / 1024 ))
remove_created
stop_app

RESULTS="$RUN_DIR/results.md"
{
	echo "Run $RUN_ID on $(nproc) cores; PostgreSQL $(q -c 'show server_version' | cut -d' ' -f1); application heap -Xmx$APP_HEAP;"
	echo "database: $counts. Index rebuild (r): $REBUILD_LINE; index size on disk **$INDEX_SIZE** ($INDEX_DETAIL)."
	echo "Each figure is one ${DURATION}-second wrk run after a ${WARMUP}-second warm-up, over $(wc -l <"$QUERIES") queries drawn"
	echo "from the data; wrk, the application and PostgreSQL share the machine, and the load average at the end of each"
	echo "run tells how busy other work kept it. App CPU ms/req: the application's CPU time per request. Resident"
	echo "memory afterwards: $RSS_MB MiB."
	echo
	echo "| scenario | connections | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | app CPU ms/req | load average | target | result |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
	for n in "${RUNS[@]}"; do
		case $n in
			admin-counts-*) label="(s) GET /api/v1/search, ten best hits and counts per kind, as admin"; target="p95 < 50 ms" ;;
			admin-*) label="(s) GET /api/v1/search?counts=false, ten best hits, as admin"; target="p95 < 50 ms" ;;
			sales-counts-*) label="(s') GET /api/v1/search, ten best hits and counts per kind, as sales user $SALES_USER"; target="p95 < 50 ms" ;;
			sales-*) label="(s') GET /api/v1/search?counts=false, ten best hits, as sales user $SALES_USER (own team)"; target="p95 < 50 ms" ;;
			suggest-*) label="(t) dropdown GET /search/suggest as $SALES_USER"; target="p95 < 50 ms" ;;
			create-*) label="(u) POST /api/v1/accounts, each new account indexed after its commit"; target="≥ 500 creates/s" ;;
		esac
		if [[ $n == create-* ]]; then
			v=$(awk -v r="$(field "$n" rps)" 'BEGIN { print (r >= 500 ? "met" : "missed") }')
		else
			v=$(awk -v p="$(field "$n" p95_ms)" 'BEGIN { print (p < 50 ? "met" : "missed") }')
		fi
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "${CONNS[$n]}" "$(field "$n" rps)" \
			"$(field "$n" p50_ms)" "$(field "$n" p95_ms)" "$(field "$n" p99_ms)" "$(field "$n" max_ms)" \
			"$(( $(field "$n" socket_errors) + $(field "$n" unexpected_status) ))" "${CPU[$n]}" "${LOAD[$n]}" "$target" "$v"
	done
} >"$RESULTS"
echo
cat "$RESULTS"
echo
log "raw wrk output, the queries and the application log are in $RUN_DIR"

if ((UPDATE_DOC)); then
	doc="$ROOT/docs/BENCHMARKS.md"
	start='<!-- search-results:start -->'
	end='<!-- search-results:end -->'
	grep -q "$start" "$doc" && grep -q "$end" "$doc" || die "$doc has no $start ... $end section"
	awk -v start="$start" -v end="$end" -v file="$RESULTS" '
		$0 == start { print; while ((getline line < file) > 0) print line; skip = 1; next }
		$0 == end { skip = 0 }
		!skip { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
	log "updated $doc"
fi
