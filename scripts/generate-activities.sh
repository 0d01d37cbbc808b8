#!/usr/bin/env bash
# Fills the database of scripts/generate-data.sh with generated activities (see scripts/generate-activities.sql):
#
#   scripts/generate-activities.sh                       # 10,000,000 activities
#   ACTIVITIES=1000000 scripts/generate-activities.sh
#
# Settings (environment), besides those of generate-data.sh (PG*):
#   ACTIVITIES      how many in all (default 10000000)
#   HOT_ENTRIES     activities of the first account, for its timeline (default 10000)
#   BUSY_TASKS      open tasks of that account's owner over the coming week, for My work (default 5000)
#   DUE_ALERTS      meetings whose reminder is due, for the sweep (default 10000)
# Rerunning replaces all activities, reported changes, notifications and queued e-mails.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${ACTIVITIES:=10000000}"
: "${HOT_ENTRIES:=10000}"
: "${BUSY_TASKS:=5000}"
: "${DUE_ALERTS:=10000}"
for v in ACTIVITIES HOT_ENTRIES BUSY_TASKS DUE_ALERTS; do
	[[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
done
((HOT_ENTRIES + BUSY_TASKS + DUE_ALERTS < ACTIVITIES)) || die "ACTIVITIES must exceed the special ones"

check_database_name
psql -X -At -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
q -c "select count(*) from account" >/dev/null 2>&1 || die "no accounts in $PGDATABASE: run scripts/generate-data.sh first"
q -c "select 1 from activity limit 0" >/dev/null 2>&1 \
	|| die "no activity table in $PGDATABASE: start this version of the application on it once (generate-data.sh does)"

started=$SECONDS
log "generating $ACTIVITIES activities into $PGDATABASE"
psql -X -v ON_ERROR_STOP=1 -v activities="$ACTIVITIES" -v hot_entries="$HOT_ENTRIES" -v busy_tasks="$BUSY_TASKS" \
	-v due_alerts="$DUE_ALERTS" -f "$ROOT/scripts/generate-activities.sql" 2>&1 | sed -u 's/^/    /'
log "VACUUM ANALYZE"
psql -X -q -v ON_ERROR_STOP=1 -c 'vacuum (analyze) activity, activity_participant'
remove_index
log "done in $((SECONDS - started)) s"
