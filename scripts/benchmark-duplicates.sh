#!/usr/bin/env bash
# Duplicate detection and merge on a large database: how long migration V12 (columns, indexes, and the Java
# migration V12_1 that fills the normalised keys of every account, contact and lead) takes, and how fast the
# queries behind the warning on entry and the administrators' duplicates lists run.
#
#   PGDATABASE=rapport_merge_bench scripts/generate-data.sh     # first: 1,000,000 accounts, 3,000,000 contacts
#   PGDATABASE=rapport_merge_bench scripts/benchmark-duplicates.sh
#
# generate-data.sh writes rows straight into the tables, so their keys are empty. This script takes V12 back
# (drops its columns, indexes and table and forgets it in flyway_schema_history), plants a few thousand duplicate
# accounts and contacts, starts the packaged application once so that Flyway applies V12 and V12_1 again on the full
# data set (recording how long it took), and then times each query with EXPLAIN ANALYZE (best of RUNS). Settings as in scripts/lib/common.sh;
# RUNS (default 5). It prints the cores that other processes on the machine kept busy during the migration and just
# before the queries, and removes the search index folder afterwards (the planted rows never reached it), so that the
# next start of the application rebuilds it.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${RUNS:=5}"
# the migration of a million accounts and three million contacts outlasts the usual start-up
: "${APP_START_TIMEOUT:=3600}"
export APP_START_TIMEOUT
check_database_name
ensure_jar
[[ "$(q -c "select count(*) from information_schema.tables where table_name = 'account'")" == 1 ]] \
	|| die "no accounts in $PGDATABASE: run scripts/generate-data.sh first"

log "taking migration V12 back"
q <<'SQL'
drop table if exists merge_log;
drop index if exists lead_converted_contact_idx;
drop index if exists account_name_key_idx;
drop index if exists account_domain_key_idx;
drop index if exists contact_email_key_idx;
drop index if exists contact_person_key_idx;
drop index if exists lead_email_key_idx;
drop index if exists lead_company_person_key_idx;
alter table account drop column if exists name_key, drop column if exists domain_key;
alter table contact drop column if exists email_key, drop column if exists person_key;
alter table lead drop column if exists email_key, drop column if exists person_key, drop column if exists company_key;
delete from flyway_schema_history where version in ('12', '12.1');
SQL

log "planting duplicates: 2,000 accounts named like existing ones with a legal form, 5,000 contacts with a known e-mail"
q <<'SQL'
insert into account (id, version, name, type, website, owner_id, team_id, lifecycle_stage, created_at, updated_at)
select gen_random_uuid(), 0, upper(name) || ' Ltd.', type, website, owner_id, team_id, lifecycle_stage, now(), now()
from account tablesample system (1) limit 2000;
insert into contact (id, version, account_id, first_name, last_name, email, owner_id, team_id, do_not_contact,
	created_at, updated_at)
select gen_random_uuid(), 0, account_id, first_name, last_name, upper(email), owner_id, team_id, false, now(), now()
from contact tablesample system (1) where email is not null limit 5000;
SQL
q -c "select 'accounts ' || count(*) from account" -c "select 'contacts ' || count(*) from contact" \
	-c "select 'leads ' || count(*) from lead" >&2

mkdir -p "$BENCH_WORK_DIR"
started=$SECONDS
trap stop_app EXIT
# Everything that the application and its backends used during the start ran within it, so what the machine did
# besides is the other processes' work.
busy_before=$(busy_ticks) seconds_before=$EPOCHREALTIME
# V12 comes back after the later migrations: Flyway applies it out of order
start_app "$BENCH_WORK_DIR/duplicates-migration.log" --rapport.search.build-when-empty=false --spring.flyway.out-of-order=true
mapfile -t backends < <(app_backend_pids)
own=$(( $(ticks_of "$APP_PID") + $(ticks_of "${backends[@]}") ))
other=$(awk -v b=$(( $(busy_ticks) - busy_before )) -v o="$own" -v s="$(awk -v a="$seconds_before" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')" \
	-v hz="$(getconf CLK_TCK)" 'BEGIN { v = (b - o) / hz / s; printf "%.2f", v < 0 ? 0 : v }')
stop_app
remove_index
log "application start with V12 + V12_1: $((SECONDS - started)) s; other processes kept $other cores busy meanwhile"
q -c "select 'migration ' || version || ': ' || execution_time || ' ms' from flyway_schema_history where version in ('12', '12.1') order by installed_rank" >&2
q -c "vacuum analyze account" -c "vacuum analyze contact" -c "vacuum analyze lead"

# best execution time of RUNS runs of one statement, in ms
best() {
	local sql="$1" best="" t
	for _ in $(seq 1 "$RUNS"); do
		t=$(q -c "explain (analyze, format json) $sql" | grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')
		if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$t"; fi
	done
	echo "$best"
}

name_key=$(q -c "select name_key from account where name_key is not null group by name_key having count(*) > 1 limit 1")
domain_key=$(q -c "select domain_key from account where domain_key is not null limit 1")
email_key=$(q -c "select email_key from contact where email_key is not null limit 1")
person=$(q -c "select c.person_key || '/' || a.name_key from contact c join account a on a.id = c.account_id where c.person_key is not null limit 1")
person_key="${person%%/*}"; company_key="${person#*/}"
groups=$(q -c "select count(*) from (select name_key from account where name_key is not null group by name_key having count(*) > 1) g")
email_groups=$(q -c "select count(*) from (select email_key from contact where email_key is not null group by email_key having count(*) > 1) g")
log "account name groups: $groups, contact e-mail groups: $email_groups"
log "other processes keep $(other_cores 5) cores busy before the queries (EXPLAIN ANALYZE times the server's work only)"

printf '| query | best of %s |\n|---|---|\n' "$RUNS"
printf '| account look-up by name key | %s ms |\n' "$(best "select * from account where name_key = '$name_key' order by created_at, id limit 50")"
printf '| account look-up by domain key | %s ms |\n' "$(best "select * from account where domain_key = '$domain_key' order by created_at, id limit 50")"
printf '| contact look-up by e-mail key | %s ms |\n' "$(best "select * from contact c left join account a on a.id = c.account_id where c.email_key = '$email_key' order by c.created_at, c.id limit 50")"
printf '| contact look-up by name at company | %s ms |\n' "$(best "select * from contact c join account a on a.id = c.account_id where a.name_key = '$company_key' and c.person_key = '$person_key' order by c.created_at, c.id limit 50")"
for page in 0 100; do
	printf '| account name groups, page %s (25 keys) | %s ms |\n' "$page" "$(best "select name_key from account where name_key is not null group by name_key having count(*) > 1 order by name_key offset $((page * 25)) limit 26")"
	printf '| contact e-mail groups, page %s (25 keys) | %s ms |\n' "$page" "$(best "select email_key from contact where email_key is not null group by email_key having count(*) > 1 order by email_key offset $((page * 25)) limit 26")"
done
printf '| contact name-at-account groups, page 0 | %s ms |\n' "$(best "select account_id, person_key from contact where account_id is not null and person_key is not null group by account_id, person_key having count(*) > 1 order by account_id, person_key limit 26")"
