#!/usr/bin/env bash
# Fills the database of scripts/generate-data.sh with generated support cases (see scripts/generate-cases.sql):
#
#   scripts/generate-cases.sh                        # 1,000,000 cases, 100,000 of them open
#   CASES=100000 OPEN_CASES=10000 scripts/generate-cases.sh
#
# Settings (environment), besides those of generate-data.sh (PG*):
#   CASES             how many in all (default 1000000)
#   OPEN_CASES        how many of them are open (default 100000)
#   DUE_ESCALATIONS   open cases whose next escalation is due, for the sweep (default 5000)
# Rerunning replaces all cases with their comments, events, notices and files, and the SLA policies and calendars.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${CASES:=1000000}"
: "${OPEN_CASES:=100000}"
: "${DUE_ESCALATIONS:=5000}"
for v in CASES OPEN_CASES DUE_ESCALATIONS; do
	[[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
done
((DUE_ESCALATIONS < OPEN_CASES && OPEN_CASES < CASES)) || die "DUE_ESCALATIONS < OPEN_CASES < CASES, please"

check_database_name
psql -X -At -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
q -c "select count(*) from account" >/dev/null 2>&1 || die "no accounts in $PGDATABASE: run scripts/generate-data.sh first"
q -c "select 1 from support_case limit 0" >/dev/null 2>&1 \
	|| die "no support_case table in $PGDATABASE: start this version of the application on it once (generate-data.sh does)"

started=$SECONDS
log "generating $CASES cases ($OPEN_CASES open, $DUE_ESCALATIONS due for escalation) into $PGDATABASE"
psql -X -v ON_ERROR_STOP=1 -v cases="$CASES" -v open_cases="$OPEN_CASES" -v due_escalations="$DUE_ESCALATIONS" \
	-f "$ROOT/scripts/generate-cases.sql" 2>&1 | sed -u 's/^/    /'
log "VACUUM ANALYZE"
psql -X -q -v ON_ERROR_STOP=1 -c 'vacuum (analyze) support_case'
remove_index
log "done in $((SECONDS - started)) s"
