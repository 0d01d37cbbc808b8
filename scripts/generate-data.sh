#!/usr/bin/env bash
# Fills a dedicated PostgreSQL database with generated Rapport data for benchmarks:
# teams, users (owners), accounts and contacts, then VACUUM ANALYZE.
#
#   scripts/generate-data.sh                       # 1,000,000 accounts, 3,000,000 contacts, 100 owners, 10 teams
#   ACCOUNTS=100000 CONTACTS=300000 scripts/generate-data.sh
#
# Settings (environment):
#   PGHOST, PGPORT, PGUSER, PGPASSWORD   PostgreSQL to use (default 127.0.0.1:5432, postgres, trust)
#   PGDATABASE                           database (default rapport_bench; created if missing; never rapport_test)
#   ACCOUNTS, CONTACTS, OWNERS, TEAMS    sizes (default 1000000, 3000000, 100, 10)
#   RAPPORT_JAR                          application jar (default target/rapport.jar, built if missing)
#   RAPPORT_ADMIN_PASSWORD               password of 'admin' on a new database (default rapport-bench-admin);
#                                        generated users get the same password hash
#
# The schema comes from the application's own Flyway migrations: the packaged application is started once
# against the database (which also creates 'admin' on an empty one) and stopped again. Rerunning replaces
# all accounts, contacts, teams and users other than 'admin'.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${ACCOUNTS:=1000000}"
: "${CONTACTS:=3000000}"
: "${OWNERS:=100}"
: "${TEAMS:=10}"

for v in ACCOUNTS CONTACTS OWNERS TEAMS; do
	[[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
done
((OWNERS >= TEAMS)) || die "OWNERS ($OWNERS) must be at least TEAMS ($TEAMS)"
((OWNERS <= 8000)) || die "OWNERS is limited to 8000 (the distinct first/last name pairs)"

check_database_name
command -v psql >/dev/null || die "psql is missing (apt-get install -y postgresql-client)"
psql -X -At -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

started=$SECONDS
ensure_jar
ensure_database
trap stop_app EXIT
trap 'exit 130' INT TERM

# Flyway migrates the schema on start; on an empty user table the application creates 'admin'.
schema_started=$SECONDS
start_app "$BENCH_WORK_DIR/generate-app.log" --rapport.search.build-when-empty=false
stop_app
schema_seconds=$((SECONDS - schema_started))
q -c "select 1 from app_user where username = 'admin'" | grep -q 1 \
	|| die "no 'admin' user in $PGDATABASE after the application's first start"
log "schema ready (application start and stop: ${schema_seconds}s)"

log "generating $ACCOUNTS accounts and $CONTACTS contacts for $OWNERS owners in $TEAMS teams into $PGDATABASE"
load_started=$SECONDS
psql -X -v ON_ERROR_STOP=1 -v accounts="$ACCOUNTS" -v contacts="$CONTACTS" -v owners="$OWNERS" -v teams="$TEAMS" \
	-f "$ROOT/scripts/generate-data.sql" 2>&1 | sed -u 's/^/    /'
load_seconds=$((SECONDS - load_started))

log "VACUUM ANALYZE"
vacuum_started=$SECONDS
psql -X -q -v ON_ERROR_STOP=1 -c 'vacuum (analyze) team, app_user, account, contact'
vacuum_seconds=$((SECONDS - vacuum_started))
remove_index
total_seconds=$((SECONDS - started))

mkdir -p "$BENCH_WORK_DIR"
summary="$BENCH_WORK_DIR/generate-summary.txt"
{
	echo "database:        $PGDATABASE on $PGHOST:$PGPORT"
	echo "finished:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	q -F ' ' -c "select 'rows:            ' || (select count(*) from team) || ' teams, '
		|| (select count(*) from app_user) || ' users, ' || (select count(*) from account) || ' accounts, '
		|| (select count(*) from contact) || ' contacts'"
	echo "timing:          schema ${schema_seconds}s, load and index ${load_seconds}s, vacuum analyze ${vacuum_seconds}s, total ${total_seconds}s"
	q -c "select 'database size:   ' || pg_size_pretty(pg_database_size(current_database()))"
	q -F ' | ' -c "select 'table ' || rpad(c.relname, 10) || ' heap ' || lpad(pg_size_pretty(pg_relation_size(c.oid)), 8)
		|| '   indexes ' || lpad(pg_size_pretty(pg_indexes_size(c.oid)), 8)
		|| '   total ' || lpad(pg_size_pretty(pg_total_relation_size(c.oid)), 8)
		from pg_class c where c.relname in ('account', 'contact', 'app_user', 'team') and c.relkind = 'r'
		order by pg_total_relation_size(c.oid) desc"
} | tee "$summary"
log "done in ${total_seconds}s (summary in $summary)"
