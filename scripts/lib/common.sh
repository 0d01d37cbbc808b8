# shellcheck shell=bash
# Shared helpers of the scripts that generate data and measure Rapport (sourced, not run): starting and stopping the
# packaged application, API tokens, the CPU of each part during a run, the application's memory, and replaying the
# statements of one request with pgbench (PostgreSQL alone). Everything here talks to 127.0.0.1 only.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${PGUSER:=postgres}"
: "${PGDATABASE:=rapport_bench}"
: "${PGPASSWORD:=}"
export PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD

: "${RAPPORT_JAR:=$ROOT/target/rapport.jar}"
: "${APP_HEAP:=512m}"
: "${BENCH_WORK_DIR:=$ROOT/target/benchmarks}"
# The application's data folder, one per database: its search index lives in index/ inside it.
: "${APP_DATA_DIR:=$BENCH_WORK_DIR/data-$PGDATABASE}"
# The administrator that the first start of the application creates on an empty database.
: "${RAPPORT_ADMIN_PASSWORD:=rapport-bench-admin}"
export RAPPORT_ADMIN_PASSWORD

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The databases of the test suite and of a real installation are never touched.
check_database_name() {
	case "$PGDATABASE" in
		rapport_test|rapport|postgres|template0|template1)
			die "refusing to use database '$PGDATABASE': choose a dedicated benchmark database (PGDATABASE=rapport_bench)" ;;
	esac
	case "$PGHOST" in
		127.*|localhost|/*) ;;
		*) die "PGHOST=$PGHOST: these scripts only run against a local PostgreSQL (127.0.0.1)" ;;
	esac
}

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

ensure_database() {
	if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1; then
		log "creating database $PGDATABASE"
		psql -X -q -d postgres -c "create database \"$PGDATABASE\""
	fi
}

ensure_jar() {
	if [[ ! -f "$RAPPORT_JAR" ]]; then
		log "building $RAPPORT_JAR (./mvnw -q -B -DskipTests package)"
		(cd "$ROOT" && ./mvnw -q -B -DskipTests package) || die "build failed"
	fi
	[[ -f "$RAPPORT_JAR" ]] || die "no application jar at $RAPPORT_JAR (set RAPPORT_JAR)"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
	local p
	# in random order, so that two scripts starting at the same moment hardly ever pick the same port
	for p in $(shuf -i 18080-18180); do
		if ! port_in_use "$p"; then echo "$p"; return 0; fi
	done
	die "no free port between 18080 and 18180"
}

APP_PID=""
APP_PORT=""
APP_LOG=""

# start_app LOGFILE [extra spring arguments...]: starts the packaged application against $PGDATABASE
# on a free port of 127.0.0.1 and waits until it is ready: /actuator/health/readiness answers UP once the
# application has run its start-up work (such as deciding to rebuild an empty search index).
start_app() {
	APP_LOG="$1"; shift
	APP_PORT="${APP_PORT_WANTED:-$(free_port)}"
	mkdir -p "$(dirname "$APP_LOG")"
	log "starting $(basename "$RAPPORT_JAR") on 127.0.0.1:$APP_PORT (-Xmx$APP_HEAP), log $APP_LOG"
	# shellcheck disable=SC2086 # APP_JAVA_OPTS holds several options
	java -Xmx"$APP_HEAP" ${APP_JAVA_OPTS:-} -jar "$RAPPORT_JAR" \
		--spring.profiles.active=postgres \
		--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" \
		--spring.datasource.username="$PGUSER" \
		--spring.datasource.password="$PGPASSWORD" \
		--server.address=127.0.0.1 \
		--server.port="$APP_PORT" \
		--rapport.data-dir="$APP_DATA_DIR" \
		"$@" >"$APP_LOG" 2>&1 &
	APP_PID=$!
	local deadline=$((SECONDS + ${APP_START_TIMEOUT:-240}))
	local probe="http://127.0.0.1:$APP_PORT/actuator/health/readiness"
	# ready, and the port is this application's (not another's that took it first)
	until curl -fsS "$probe" 2>/dev/null | grep -q '"UP"' \
		&& ss -ltnpH "( sport = :$APP_PORT )" 2>/dev/null | grep -qF "pid=$APP_PID,"; do
		# without the readiness probe (management.endpoint.health.probes.enabled=false) the plain health
		if [[ "$(curl -sS -o /dev/null -w '%{http_code}' "$probe" 2>/dev/null)" == 404 ]]; then
			probe="http://127.0.0.1:$APP_PORT/actuator/health"
		fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			tail -n 40 "$APP_LOG" >&2
			die "the application exited during start-up (log above)"
		fi
		if ((SECONDS > deadline)); then
			tail -n 40 "$APP_LOG" >&2
			stop_app
			die "the application did not become healthy in time"
		fi
		sleep 1
	done
	log "application up (pid $APP_PID) after $(grep -o 'Started RapportApplication in [0-9.]* seconds' "$APP_LOG" | grep -o '[0-9.]* seconds' || echo '?')"
}

stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null || true
		local _
		for _ in $(seq 1 60); do
			kill -0 "$APP_PID" 2>/dev/null || break
			sleep 0.5
		done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=""
	# an index whose rebuild was cut short is not empty, so the next start would not rebuild it: remove it
	if ((INDEX_REBUILDING)); then
		log "the search index rebuild did not end: removing $APP_DATA_DIR/index, so that the next start rebuilds it"
		rm -rf "$APP_DATA_DIR/index"
		INDEX_REBUILDING=0
	fi
}

# remove_index: after data was written into the database behind the application's back (generate-data.sh), the
# search index no longer matches it; without it, the next start rebuilds it from the database.
remove_index() {
	if [[ -d "$APP_DATA_DIR/index" ]]; then
		rm -rf "$APP_DATA_DIR/index"
		log "removed the search index $APP_DATA_DIR/index: the next start of the application rebuilds it"
	fi
}

# new_token USERNAME VARIABLE NAME: stores an API token of USERNAME the way the application stores tokens (SHA-256 of
# the secret, a UUIDv7 id), named NAME so that the script removes it again, and puts the secret into VARIABLE.
new_token() {
	local secret
	secret="rpt_bench_$(openssl rand -hex 20)"
	q -c "insert into api_token (id, user_id, name, token_hash, hint, created_at)
		select encode(int8send((floor(date_part('epoch', now()) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
				|| int8send((-9223372036854775808) + (floor(random() * 2147483648)::bigint << 31)
					+ floor(random() * 2147483648)::bigint), 'hex')::uuid,
			id, '$3', encode(sha256(convert_to('$secret', 'UTF8')), 'hex'), left('$secret', 8), now()
		from app_user where username = '$1'" >/dev/null
	printf -v "$2" '%s' "$secret"
}

# wait_for_index TOKEN: waits until the application reports no rebuild of the search index running (GET
# /api/v1/search/reindex as an administrator), so that no measurement shares the machine with one; sets
# INDEX_STATE to a sentence saying what it found and how long it waited, and INDEX_REBUILDING while a rebuild runs
# (stop_app then removes the unfinished index).
INDEX_STATE=""
INDEX_REBUILDING=0
wait_for_index() {
	local token="$1" started=$SECONDS last=$SECONDS status state waited=0
	while :; do
		status=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$APP_PORT/api/v1/search/reindex") \
			|| die "GET /api/v1/search/reindex failed"
		state=$(json_field state <<<"$status")
		INDEX_REBUILDING=0
		[[ "$state" == RUNNING ]] || break
		INDEX_REBUILDING=1 waited=$((waited + 1))
		if ((waited == 1 || SECONDS - last >= 30)); then
			log "the search index is being rebuilt ($(json_field reason <<<"$status")): $(json_field indexed <<<"$status") of $(json_field total <<<"$status") records; waiting for it before measuring"
			last=$SECONDS
		fi
		sleep 2
	done
	if ((waited)); then
		INDEX_STATE="waited $((SECONDS - started)) s for the search index rebuild ($(json_field reason <<<"$status")) to end: $state, $(json_field indexed <<<"$status") records"
	elif [[ "$state" == IDLE ]]; then
		INDEX_STATE="no search index rebuild ran (state IDLE)"
	else
		INDEX_STATE="no search index rebuild running (the last one: $state)"
	fi
	log "$INDEX_STATE"
}
# json_field NAME: the value of a top-level scalar field of the JSON object on standard input
json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,\"}]*\).*/\1/p"; }

# The CPU time (clock ticks, user + system) of the given processes, and the machine's busy ticks on all cores.
ticks_of() {
	local -a files=()
	local pid
	for pid in "$@"; do [[ -r "/proc/$pid/stat" ]] && files+=("/proc/$pid/stat"); done
	((${#files[@]})) || { echo 0; return; }
	awk '{ sub(/^.*\) /, ""); split($0, f, " "); t += f[12] + f[13] } END { print t + 0 }' "${files[@]}" 2>/dev/null || echo 0
}
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# backend_pids_of PID: the PostgreSQL backends that serve the connections of process PID, matched by their ports
# (ss shows the backends' own ends of those connections with their process ids, when run as root).
backend_pids_of() {
	local ports
	ports=$(ss -tnpH state established "( dport = :$PGPORT )" 2>/dev/null | grep -F "pid=$1," \
		| awk '{ n = split($3, a, ":"); printf " %s", a[n] }')
	[[ -n "$ports" ]] || return 0
	ss -tnpH state established "( sport = :$PGPORT )" 2>/dev/null | awk -v ports="$ports " '{
		n = split($4, a, ":")
		if (index(ports, " " a[n] " ") && match($0, /pid=[0-9]+/)) print substr($0, RSTART + 4, RLENGTH - 4) }'
}
app_backend_pids() { backend_pids_of "$APP_PID"; }

# sample_ticks APP CLIENT [DB...]: "busy app db client": the machine's busy ticks and the CPU ticks of the
# application, of the database backends together and of the client, in one pass over /proc.
sample_ticks() {
	local app="/proc/$1/stat" client="/proc/$2/stat" pid
	local -a files=(/proc/stat)
	for pid in "$@"; do [[ -r "/proc/$pid/stat" ]] && files+=("/proc/$pid/stat"); done
	awk -v app="$app" -v client="$client" '
		FILENAME == "/proc/stat" { if ($1 == "cpu") busy = $2 + $3 + $4 + $7 + $8 + $9; next }
		{ line = $0; sub(/^.*\) /, "", line); split(line, f, " "); t = f[12] + f[13]
			if (FILENAME == app) a += t; else if (FILENAME == client) c += t; else d += t }
		END { print busy, a + 0, d + 0, c + 0 }' "${files[@]}" 2>/dev/null
}
# measure OUTPUT CLIENT_DB -- COMMAND...: runs COMMAND (output to OUTPUT) and samples every SAMPLE_SECONDS the CPU of
# the application ($APP_PID), of the PostgreSQL backends that the function CLIENT_DB names for the command's process
# (app_backend_pids, or backend_pids_of for a client with its own connections), of the command itself, and of the
# whole machine (MEASURE_BACKENDS: how many backends to wait for, 1 by default, 0 for none). Sets MEASURED to "app_cpu=… db_cpu=… client_cpu=… other_cpu=… load=…": cores kept busy on
# average over the run, "other" being everything else on the machine; and MEASURED_RC to the command's exit status.
: "${SAMPLE_SECONDS:=0.5}"
MEASURED=""
MEASURED_RC=0
measure() {
	local output="$1" db_of="$2"
	shift 3
	local samples="$output.cpu" db_pids="" tries=0
	: >"$samples"
	"$@" >"$output" 2>&1 &
	local client=$!
	local want="${MEASURE_BACKENDS:-1}" found load _
	while kill -0 "$client" 2>/dev/null; do
		# until the command has opened its connections (MEASURE_BACKENDS of them), the window starts anew
		if ((tries < 40)) && [[ -z "$db_pids" || $(wc -w <<<"$db_pids") -lt $want ]]; then
			found=$("$db_of" "$client" | paste -sd' ' -)
			tries=$((tries + 1))
			if [[ "$found" != "$db_pids" ]]; then db_pids=$found; : >"$samples"; fi
		fi
		read -r load _ </proc/loadavg
		if [[ -n "$db_pids" ]] || ((want == 0)); then
			# shellcheck disable=SC2086 # db_pids holds several pids
			echo "$EPOCHREALTIME $(sample_ticks "${APP_PID:-0}" "$client" $db_pids) $load" >>"$samples"
		fi
		sleep "$SAMPLE_SECONDS"
	done
	MEASURED_RC=0
	wait "$client" || MEASURED_RC=$?
	MEASURED=$(awk -v hz="$(getconf CLK_TCK)" '
		NF < 6 { next }
		# a process that ended between two readings reads as 0: the samples stop before that
		n && ($3 < a1 || $4 < d1 || $5 < c1) { exit }
		!n++ { t0 = $1; b0 = $2; a0 = $3; d0 = $4; c0 = $5 }
		{ t1 = $1; b1 = $2; a1 = $3; d1 = $4; c1 = $5; load = $6 }
		END {
			s = t1 - t0
			# too short a run to tell
			if (n < 2 || s <= 0) { print "app_cpu=n/a db_cpu=n/a client_cpu=n/a other_cpu=n/a load=" load; exit }
			a = (a1 - a0) / hz / s; d = (d1 - d0) / hz / s; c = (c1 - c0) / hz / s
			o = (b1 - b0) / hz / s - a - d - c; if (o < 0) o = 0
			printf "app_cpu=%.2f db_cpu=%.2f client_cpu=%.2f other_cpu=%.2f load=%s\n", a, d, c, o, load }' "$samples")
}
# no_backends PID: for commands that use no connections of their own
no_backends() { :; }

# other_cores [SECONDS]: the cores that processes other than the application and its PostgreSQL backends (if it runs)
# keep busy over a few seconds (3 by default).
other_cores() {
	local out
	out=$(mktemp)
	if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		measure "$out" app_backend_pids -- sleep "${1:-3}"
	else
		MEASURE_BACKENDS=0 measure "$out" no_backends -- sleep "${1:-3}"
	fi
	rm -f "$out" "$out.cpu"
	local other="${MEASURED#* other_cpu=}"
	echo "${other%% *}"
}

# memory_report PID: the application's heap (used and committed, from jcmd GC.heap_info) and its resident memory,
# anonymous (heap, metaspace, code, threads), file-mapped (the jar, libraries, mapped index files) and shared, from
# /proc/PID/status, beside the heap limit. Sets MEMORY_LINE.
MEMORY_LINE=""
memory_report() {
	local pid="$1" info heap meta status
	info=$(jcmd "$pid" GC.heap_info 2>/dev/null || true)
	heap=$(awk '/ heap +total/ { for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) }
		gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u); printf "heap used %d MiB of %d MiB committed", u / 1024, t / 1024; exit }' <<<"$info")
	meta=$(awk '/Metaspace +used/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "used") u = $(i + 1); if ($i == "committed") c = $(i + 1) }
		gsub(/[^0-9]/, "", u); gsub(/[^0-9]/, "", c); printf "metaspace used %d MiB of %d MiB committed", u / 1024, c / 1024; exit }' <<<"$info")
	status=$(awk '/^(VmRSS|VmHWM|RssAnon|RssFile|RssShmem):/ { v[$1] = int($2 / 1024) }
		END { printf "resident %d MiB (peak %d MiB) = anonymous %d MiB + file-mapped %d MiB + shared %d MiB",
			v["VmRSS:"], v["VmHWM:"], v["RssAnon:"], v["RssFile:"], v["RssShmem:"] }' "/proc/$pid/status")
	MEMORY_LINE="-Xmx$APP_HEAP: ${heap:-heap n/a (jcmd failed)}; ${meta:-metaspace n/a}; $status"
	log "memory: $MEMORY_LINE"
}

# api_delete IDS_FILE PATH TOKEN: deletes each record of IDS_FILE through DELETE PATH/{id} as the token's user, four
# requests at a time, so that the application removes them from the search index too; prints how many answered 204.
api_delete() {
	local file="$1" path="$2" token="$3"
	[[ -s "$file" ]] || { echo 0; return; }
	sed "s|^|http://127.0.0.1:$APP_PORT$path/|" "$file" \
		| xargs -n 200 -P 4 curl -sS -o /dev/null -w '%{http_code}\n' -X DELETE -H "Authorization: Bearer $token" \
		| grep -c '^204$' || true
}

# --- PostgreSQL alone: the statements of one request, replayed with pgbench -------------------------------------
# capture_request NAME STATUS -- CURL_ARGS...: sends one request with log_statement = 'all' (set with ALTER SYSTEM and
# a reload, which the pool's open sessions follow, and reset at once), between two marker statements, and keeps that
# part of PostgreSQL's log for replay_script. Run it after the scenario's own runs, so that the application is warm
# (statements prepared, caches filled). The response's Location header goes to CAPTURED_LOCATION. Needs a superuser
# and a readable server log (PG_LOG_FILE, found if unset). Every script calls log_statements_off in its exit trap.
LOG_STATEMENT_SET=0
CAPTURED_LOCATION=""
pg_log_file() {
	if [[ -n "${PG_LOG_FILE:-}" ]]; then echo "$PG_LOG_FILE"; return; fi
	local file dir major
	file=$(q -c "select pg_current_logfile()" 2>/dev/null || true)
	if [[ -n "$file" ]]; then
		[[ "$file" == /* ]] || { dir=$(q -c "show data_directory"); file="$dir/$file"; }
		echo "$file"; return
	fi
	# Debian's clusters write the server's standard error to /var/log/postgresql/postgresql-<major>-<cluster>.log.
	major=$(q -c "show server_version_num" | cut -c1-2)
	# shellcheck disable=SC2012 # the newest of a few plain file names
	ls -t /var/log/postgresql/postgresql-"$major"-*.log 2>/dev/null | head -1
}
log_statements_off() {
	if ((LOG_STATEMENT_SET)); then
		q -c "alter system reset log_statement" -c "select pg_reload_conf()" >/dev/null 2>&1 || true
		LOG_STATEMENT_SET=0
	fi
}
capture_request() {
	local name="$1" expected="$2"
	shift 3
	local logfile offset marker="rapport-capture-$RUN_ID-$name" status headers="$RUN_DIR/$name-capture-headers.txt"
	logfile=$(pg_log_file)
	[[ -n "$logfile" && -r "$logfile" ]] || die "cannot read PostgreSQL's log file '$logfile' (set PG_LOG_FILE, or PG_REPLAY=0)"
	offset=$(stat -c %s "$logfile")
	if [[ "$(q -c "show log_statement")" == all ]]; then
		[[ "$(q -c "select sourcefile from pg_settings where name = 'log_statement'")" != *postgresql.auto.conf ]] \
			|| log "log_statement = 'all' stays as ALTER SYSTEM set it (by an earlier run stopped by force? then: ALTER SYSTEM RESET log_statement)"
	else
		LOG_STATEMENT_SET=1
		q -c "alter system set log_statement = 'all'" -c "select pg_reload_conf()" >/dev/null
		sleep 0.5
	fi
	q -c "select '$marker-start'" >/dev/null
	status=$(curl -sS -o "$RUN_DIR/$name-capture-response.txt" -D "$headers" -w '%{http_code}' "$@")
	q -c "select '$marker-end'" >/dev/null
	log_statements_off
	[[ "$status" == "$expected" ]] || die "$name: the captured request answered $status (want $expected)"
	# shellcheck disable=SC2034 # read by the scripts that source this file
	CAPTURED_LOCATION=$(awk 'tolower($1) == "location:" { print $2 }' "$headers" | tr -d '\r')
	if (($(stat -c %s "$logfile") >= offset)); then
		tail -c +$((offset + 1)) "$logfile" >"$RUN_DIR/$name-capture.log"
	else
		cp "$logfile" "$RUN_DIR/$name-capture.log"
	fi
	CAPTURED_PIDS=$(app_backend_pids | paste -sd, -)
}
# replay_script NAME [replay.py options...]: turns what capture_request NAME kept into $RUN_DIR/NAME-statements.sql
# (the statements as logged) and the pgbench script $RUN_DIR/NAME-replay.sql.
CAPTURED_PIDS=""
replay_script() {
	local name="$1" count
	shift
	count=$(python3 "$ROOT/scripts/lib/replay.py" "$RUN_DIR/$name-capture.log" --pids "$CAPTURED_PIDS" \
		--start-marker "rapport-capture-$RUN_ID-$name-start" --end-marker "rapport-capture-$RUN_ID-$name-end" \
		--captured "$RUN_DIR/$name-statements.sql" --script "$RUN_DIR/$name-replay.sql" "$@") \
		|| die "$name: could not turn the captured statements into a pgbench script (see $RUN_DIR/$name-capture.log)"
	rm -f "$RUN_DIR/$name-capture.log"
	log "$name: captured $count statements of one request ($RUN_DIR/$name-statements.sql)"
}

# The sample values that a replay draws from at random, as wrk draws them, in a table of the run
# (benchmark_replay_<run>: kind, n, v). sample_values KIND FILE fills it (the table is created on first use and
# dropped by drop_samples); sample_pick KIND prints the SQL expression of a random one and sample_prelude KIND the
# pgbench line that draws n.
sample_table() { echo "benchmark_replay_${RUN_ID,,}"; }
sample_values() {
	q -c "set client_min_messages = warning" \
		-c "create table if not exists $(sample_table) (kind text, n int, v text, primary key (kind, n))" >/dev/null
	q -c "delete from $(sample_table) where kind = '$1'" >/dev/null
	grep -v '^$' "$2" | awk -v k="$1" '{ print k "," NR "," $0 }' \
		| q -c "\\copy $(sample_table) (kind, n, v) from stdin with (format csv)"
	q -c "analyze $(sample_table)" >/dev/null
}
sample_pick() { echo "(select v::uuid from $(sample_table) where kind = '$1' and n = :${1}_n)"; }
sample_prelude() {
	local n
	n=$(q -c "select count(*) from $(sample_table) where kind = '$1'") || die "no sample table $(sample_table)"
	((n > 0)) || die "no samples of $1 in $(sample_table)"
	echo "\\set ${1}_n random(1, $n)"
}
drop_samples() { q -c "drop table if exists $(sample_table)" >/dev/null 2>&1 || true; }
# A new UUIDv7 for each transaction of a replay, in place of the id that the captured request created (pgbench draws
# the random bits: uuid_prelude, then uuid_new in the statements).
uuid_prelude() { printf '%s\n' '\set id_a random(0, 4095)' '\set id_b random(0, 4611686018427387903)'; }
uuid_new() {
	echo "(lpad(to_hex((floor(extract(epoch from now()) * 1000)::bigint << 16) | 28672 | :id_a::bigint), 16, '0') || lpad(to_hex(:id_b::bigint - 9223372036854775807 - 1), 16, '0'))::uuid"
}

# capture_create NAME TOKEN: captures one POST /api/v1/accounts (a body like those of scripts/wrk/account-create.lua)
# and writes its replay, in which each transaction inserts an account of its own id. The account is named
# "Benchmark Replay $RUN_ID", and pgbench's copies "Benchmark Replay $RUN_ID <number>"; remove_replayed deletes those.
REPLAY_ID=""
capture_create() {
	local name="$1" token="$2" marker="Benchmark Replay $RUN_ID"
	capture_request "$name" 201 -- -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		-H 'Accept: application/json' -d "{\"name\":\"$marker\",\"type\":\"COMPANY\",\"industry\":\"LOGISTICS\",
		\"lifecycleStage\":\"PROSPECT\",\"website\":\"https://www.benchmarkreplay.example.com\",
		\"email\":\"info@benchmarkreplay.example.com\",\"phone\":\"+1 512 555 0100\",\"billingAddress\":{\"city\":\"Austin\"}}" \
		"http://127.0.0.1:$APP_PORT/api/v1/accounts"
	REPLAY_ID="${CAPTURED_LOCATION##*/}"
	[[ -n "$REPLAY_ID" ]] || die "$name: the captured create answered no Location"
	local -a prelude=() outbox=()
	mapfile -t prelude < <(uuid_prelude)
	# The search index's outbox row of the new account (written in the same transaction) has an id of its own, the
	# last parameter of its insert: each transaction of the replay makes a new one. The row names the captured
	# account rather than pgbench's copy, so that the application's outbox processor, which takes the rows as they
	# come, indexes an account that the API deletes again at the end instead of copies that only SQL deletes.
	local outbox_id
	outbox_id=$(grep -A1 'insert into hsearch_outbox_event' "$RUN_DIR/$name-capture.log" | grep -o "= '[0-9a-f-]\{36\}'" \
		| tail -1 | sed "s/^= '//; s/'$//") || true
	[[ -z "$outbox_id" ]] || outbox=(--replace "$outbox_id" "gen_random_uuid()"
		--keep "insert into hsearch_outbox_event" "$REPLAY_ID")
	# Each transaction's account has a name and a web domain of its own, as each of wrk's has: the duplicate checks
	# before the insert then find nothing, as they find nothing for wrk's accounts.
	local run_key
	run_key=$(echo "benchmarkreplay$RUN_ID" | tr '[:upper:]' '[:lower:]')
	replay_script "$name" --replace "$REPLAY_ID" "$(uuid_new)" "${outbox[@]}" \
		--replace "$marker" "'$marker ' || :id_b" --replace "$run_key" "'$run_key' || :id_b" \
		--replace "benchmarkreplay.example.com" ":id_b || '.benchmarkreplay.example.com'" \
		--prelude "${prelude[0]}" --prelude "${prelude[1]}"
}
# remove_replayed: deletes the accounts that pgbench inserted in place of the captured create, with SQL: they never
# reached the application or its search index. The captured account itself stays for the API's delete.
remove_replayed() {
	[[ -n "$REPLAY_ID" ]] || return 0
	local n
	n=$(q -c "with gone as (delete from account where name like 'Benchmark Replay $RUN_ID %' and id <> '$REPLAY_ID'
		returning 1) select count(*) from gone")
	((n == 0)) || log "removed the $n accounts that pgbench inserted"
}

# run_pgbench NAME REPLAY CONNECTIONS: replays $RUN_DIR/REPLAY-replay.sql with pgbench -M $PGBENCH_MODE, CONNECTIONS clients
# and two threads, PG_WARMUP seconds of warm-up and then DURATION seconds measured, with the same CPU sampling as the
# application's runs. Sets PG_RESULT to "pg_tps=… pg_mean_ms=… pg_p50_ms=… pg_p95_ms=… pg_p99_ms=… pg_failed=…" and
# the CPU fields of measure prefixed with pg_.
: "${PGBENCH_MODE:=extended}"
: "${PG_WARMUP:=5}"
PG_RESULT=""
run_pgbench() {
	local name="$1" script="$RUN_DIR/$2-replay.sql" connections="$3" threads=2 prefix="$RUN_DIR/$1-pgbench-log"
	((threads <= connections)) || threads=$connections
	PG_RESULT=""
	if ! grep -qv '^\\' "$script"; then
		log "$name: one request ran no statement in PostgreSQL (see $RUN_DIR/$2-statements.sql): nothing to replay"
		return 0
	fi
	log "$name: PostgreSQL alone, pgbench -M $PGBENCH_MODE -c $connections: warm-up ${PG_WARMUP}s, then ${DURATION}s"
	if ((PG_WARMUP > 0)); then
		pgbench -M "$PGBENCH_MODE" -n -c "$connections" -j "$threads" -T "$PG_WARMUP" -f "$script" >"$RUN_DIR/$name-pgbench-warmup.txt" 2>&1 \
			|| { cat "$RUN_DIR/$name-pgbench-warmup.txt" >&2; die "$name: pgbench failed"; }
	fi
	rm -f "$prefix".*
	MEASURE_BACKENDS=$connections measure "$RUN_DIR/$name-pgbench.txt" backend_pids_of -- pgbench -M "$PGBENCH_MODE" -n -c "$connections" -j "$threads" \
		-T "$DURATION" -f "$script" -l --log-prefix="$prefix"
	((MEASURED_RC == 0)) || { cat "$RUN_DIR/$name-pgbench.txt" >&2; die "$name: pgbench failed"; }
	local tps mean failed percentiles
	tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$RUN_DIR/$name-pgbench.txt")
	mean=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$RUN_DIR/$name-pgbench.txt")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$RUN_DIR/$name-pgbench.txt")
	# each line of pgbench's transaction log: client, transaction, latency in microseconds, ...
	percentiles=$(cat "$prefix".* | awk '{ print $3 / 1000 }' | sort -n | awk '{ v[NR] = $1 }
		function at(p,  i) { i = int(NR * p); if (i < NR * p) i++; return v[i < 1 ? 1 : i] }
		END { if (!NR) { print "pg_p50_ms=0 pg_p95_ms=0 pg_p99_ms=0"; exit }
			printf "pg_p50_ms=%.2f pg_p95_ms=%.2f pg_p99_ms=%.2f", at(0.50), at(0.95), at(0.99) }')
	rm -f "$prefix".*
	PG_RESULT="pg_tps=$(printf '%.1f' "${tps:-0}") pg_mean_ms=${mean:-0} $percentiles pg_failed=${failed:-0} pg_${MEASURED// / pg_}"
	log "$name: $PG_RESULT"
}

# app_commit: the commit the application jar was built from, as far as the scripts can tell (RAPPORT_COMMIT names it).
app_commit() {
	if [[ -n "${RAPPORT_COMMIT:-}" ]]; then
		echo "$RAPPORT_COMMIT"
	elif [[ "$RAPPORT_JAR" == "$ROOT/target/rapport.jar" ]] && git -C "$ROOT" rev-parse --short HEAD >/dev/null 2>&1; then
		echo "$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' with uncommitted changes')"
	else
		echo "unknown ($(basename "$RAPPORT_JAR") of $(date -u -r "$RAPPORT_JAR" +%Y-%m-%dT%H:%MZ); set RAPPORT_COMMIT)"
	fi
}

# update_doc MARKER FILE HEADING: replaces what stands between <!-- MARKER:start --> and <!-- MARKER:end --> in
# docs/BENCHMARKS.md by FILE; without those markers, puts them with FILE under the line HEADING.
update_doc() {
	local doc="$ROOT/docs/BENCHMARKS.md" start="<!-- $1:start -->" end="<!-- $1:end -->"
	if grep -qF "$start" "$doc" && grep -qF "$end" "$doc"; then
		awk -v start="$start" -v end="$end" -v file="$2" '
			$0 == start { print; while ((getline line < file) > 0) print line; skip = 1; next }
			$0 == end { skip = 0 }
			!skip { print }' "$doc" >"$doc.tmp"
	else
		grep -qxF "$3" "$doc" || die "$doc has neither the markers $start ... $end nor the heading '$3'"
		awk -v heading="$3" -v start="$start" -v end="$end" -v file="$2" '
			{ print }
			$0 == heading { print ""; print start; while ((getline line < file) > 0) print line; print end }' "$doc" >"$doc.tmp"
	fi
	mv "$doc.tmp" "$doc"
	log "updated $doc ($1)"
}

# ratio A B: A as a percentage of B
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f %%", 100 * a / b; else print "n/a" }'; }
