#!/usr/bin/env bash
# Adds generated sales data to the benchmark database that scripts/generate-data.sh filled: 1,000,000
# opportunities on its accounts, of which 10,000 open ones in a pipeline of their own ("Enterprise"), with a
# stage-history row each, then VACUUM ANALYZE.
#
#   scripts/generate-data.sh && scripts/generate-sales-data.sh
#   OPPORTUNITIES=100000 BOARD_OPEN=10000 scripts/generate-sales-data.sh
#
# Settings (environment): PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE as for generate-data.sh;
# OPPORTUNITIES (default 1000000), BOARD_OPEN (open opportunities in the Enterprise pipeline, default 10000).
# Rerunning replaces the generated opportunities.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${OPPORTUNITIES:=1000000}"
: "${BOARD_OPEN:=10000}"
for v in OPPORTUNITIES BOARD_OPEN; do
	[[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive whole number, not '${!v}'"
done
((BOARD_OPEN < OPPORTUNITIES)) || die "BOARD_OPEN must be less than OPPORTUNITIES"

check_database_name
psql -X -At -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
q -c "select count(*) from account" >/dev/null 2>&1 || die "no accounts in $PGDATABASE: run scripts/generate-data.sh first"

started=$SECONDS
ensure_jar
trap stop_app EXIT
# The application's own migrations add the sales tables; its first start creates the default pipeline.
start_app "$BENCH_WORK_DIR/generate-sales-app.log" --rapport.search.build-when-empty=false
stop_app
q -c "select 1 from pipeline where is_default" | grep -q 1 || die "no default pipeline after the application's start"

log "generating $OPPORTUNITIES opportunities ($BOARD_OPEN open ones in the Enterprise pipeline) into $PGDATABASE"
load_started=$SECONDS
psql -X -v ON_ERROR_STOP=1 -v opportunities="$OPPORTUNITIES" -v board_open="$BOARD_OPEN" \
	-f "$ROOT/scripts/generate-sales-data.sql" 2>&1 | sed -u 's/^/    /'
load_seconds=$((SECONDS - load_started))
log "VACUUM ANALYZE"
psql -X -q -v ON_ERROR_STOP=1 -c 'vacuum (analyze) pipeline, pipeline_stage, opportunity, opportunity_stage_history'
remove_index

log "done in $((SECONDS - started))s (load ${load_seconds}s)"
q -c "select 'opportunities', count(*) from opportunity union all
	select 'open in Enterprise', count(*) from opportunity o join pipeline p on p.id = o.pipeline_id
		where p.name = 'Enterprise' and o.stage_kind = 'OPEN'
	union all select 'opportunity table size (MB)', pg_total_relation_size('opportunity') / 1048576" \
	| sed 's/|/: /;s/^/    /'
