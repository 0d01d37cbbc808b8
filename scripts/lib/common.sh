# shellcheck shell=bash
# Shared helpers for scripts/generate-data.sh and scripts/benchmark.sh (sourced, not run).
# Everything here talks to 127.0.0.1 only.

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
	for p in $(seq 18080 18180); do
		if ! port_in_use "$p"; then echo "$p"; return 0; fi
	done
	die "no free port between 18080 and 18180"
}

APP_PID=""
APP_PORT=""
APP_LOG=""

# start_app LOGFILE [extra spring arguments...]: starts the packaged application against $PGDATABASE
# on a free port of 127.0.0.1 and waits until /actuator/health answers UP.
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
		--rapport.data-dir="$BENCH_WORK_DIR/data" \
		"$@" >"$APP_LOG" 2>&1 &
	APP_PID=$!
	local deadline=$((SECONDS + ${APP_START_TIMEOUT:-240}))
	until curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
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
}
