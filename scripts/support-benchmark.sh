#!/usr/bin/env bash
# Measures customer service against a database filled by scripts/generate-data.sh and scripts/generate-cases.sh
# (1,000,000 accounts, 1,000,000 cases of which 100,000 are open):
#   (s) the escalation sweep: the application starts with the scheduler, and its first sweep escalates the 5,000 cases
#       whose next escalation generate-cases.sh planted (made due again here); then they are made due again, and the
#       next sweep, in a running application, escalates them again; its log says how long each took
#   (q) a team's queue: GET /api/v1/queues/{team} (20 cases) and the queue page /cases/queue, signed in
#   (l) the case list filtered by SLA state: GET /api/v1/cases?sla=AT_RISK and ?sla=BREACHED&open=true (20 cases)
#   (m) e-mail to case: MESSAGES messages sent into a GreenMail mailbox (known contacts, unknown senders, replies to
#       open cases, auto-replies, some with a PDF), then the mailbox is switched on and the next poll reads them all;
#       its log says how long that took, and the CPU of the application and of PostgreSQL is measured meanwhile
# (q) and (l) each run by wrk for DURATION seconds after WARMUP seconds, one connection, as the owner of the first
# account (a sales user who sees their team's cases); with the CPU of the application, of its PostgreSQL backends and
# of everything else on the machine during the run.
# Prints a results table; with --update-doc also writes it into the support section of docs/BENCHMARKS.md.
#
#   scripts/support-benchmark.sh
#   scripts/support-benchmark.sh --update-doc
#
# Settings (environment), besides those of scripts/benchmark.sh (PG*, RAPPORT_JAR, RAPPORT_ADMIN_PASSWORD, APP_HEAP):
#   DURATION, WARMUP        seconds of each measured run and of its warm-up (default 30 and 10)
#   MESSAGES                messages in the mailbox for (m) (default 10000; 0 leaves (m) out)
#   GREENMAIL_JAR           GreenMail standalone (default: com.icegreen:greenmail-standalone, fetched by Maven)
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
: "${MESSAGES:=10000}"
[[ "$MESSAGES" =~ ^[0-9]+$ ]] || die "MESSAGES must be a whole number, not '$MESSAGES'"
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
check_database_name
q -c "select 1 from support_case limit 1" 2>/dev/null | grep -q 1 \
	|| die "no cases in $PGDATABASE: run scripts/generate-data.sh and scripts/generate-cases.sh first"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/support-$RUN_ID"
mkdir -p "$RUN_DIR"
export BENCH_LUA_DIR="$ROOT/scripts/wrk"
PLANTED="Escalation benchmark"

# the open cases as of now: their times move by how long ago the newest of them was opened, so that the share on
# track, at risk and breached is the generated one whenever the benchmark runs
SHIFT=$(q -c "select extract(epoch from now() - max(created_at))::bigint from support_case
	where is_open and category is distinct from '$PLANTED'")
q -c "update support_case set created_at = created_at + interval '$SHIFT seconds',
		updated_at = updated_at + interval '$SHIFT seconds',
		first_response_at = least(now(), first_response_at + interval '$SHIFT seconds'),
		response_running_since = response_running_since + interval '$SHIFT seconds',
		response_stopped_at = least(now(), response_stopped_at + interval '$SHIFT seconds'),
		resolution_running_since = resolution_running_since + interval '$SHIFT seconds',
		sla_changed_at = least(now(), sla_changed_at + interval '$SHIFT seconds'),
		response_due_at = response_due_at + interval '$SHIFT seconds',
		resolution_due_at = resolution_due_at + interval '$SHIFT seconds',
		sla_due_at = sla_due_at + interval '$SHIFT seconds',
		sla_order_at = coalesce(sla_due_at + interval '$SHIFT seconds', sla_order_at),
		sla_warning_at = sla_warning_at + interval '$SHIFT seconds',
		next_escalation_at = next_escalation_at + interval '$SHIFT seconds'
	where is_open and category is distinct from '$PLANTED' and $SHIFT > 60" >/dev/null
# the planted cases as generate-cases.sh made them: resolution breached 20 days after the opening, escalated twice,
# their next escalation due a minute ago; what the last escalation of them did goes; answers how many
plant() {
	q -c "delete from case_event where case_id in (select id from support_case where category = '$PLANTED')" >/dev/null
	q -c "delete from case_notice where case_id in (select id from support_case where category = '$PLANTED')" >/dev/null
	q -c "with planted as (update support_case c set version = c.version + 1, status = 'ESCALATED',
			taken = true, escalation_level = 2, escalations = 4, sla_breached = true,
			created_at = now() - interval '20 days', resolution_running_since = now() - interval '20 days',
			resolution_used_seconds = 0, resolution_stopped_at = null, sla_changed_at = now() - interval '20 days',
			next_escalation_at = now() - interval '1 minute', team_id = a.team_id, owner_id = a.owner_id,
			priority = coalesce((select match_priority from sla_policy where id = c.policy_id), c.priority)
		from account a where a.id = c.account_id and c.category = '$PLANTED' returning 1) select count(*) from planted"
}
PLANTED_DUE=$(plant)
# the e-mail of the last run: its cases, contacts and accounts stay, its messages are forgotten
q -c "truncate notification, mail_message" >/dev/null
q -c "update support_mailbox set enabled = false" >/dev/null
# as autovacuum leaves a table between bursts of changes: statistics fresh and the pages that the updates above wrote
# marked all-visible again, so that counting reads an index alone
q -c "vacuum (analyze) support_case" >/dev/null

read -r CASES OPEN DUE < <(q -F ' ' -c "select count(*), count(*) filter (where is_open),
	count(*) filter (where next_escalation_at <= now()) from support_case")
ACCOUNTS=$(q -c "select reltuples::bigint from pg_class where relname = 'account'")
HOT=$(q -c "select id from account order by id limit 1")
read -r BUSY_ID BUSY_TEAM < <(q -F ' ' -c "select owner_id, team_id from account where id = '$HOT'")
BUSY_USER=$(q -c "select username from app_user where id = '$BUSY_ID'")
read -r QUEUED AT_RISK BREACHED < <(q -F ' ' -c "select
	count(*) filter (where team_id = '$BUSY_TEAM' and is_open and not taken),
	count(*) filter (where team_id = '$BUSY_TEAM' and not sla_breached and (sla_due_at is null or sla_due_at > now())
		and (sla_held_state = 'AT_RISK' or sla_warning_at <= now())),
	count(*) filter (where team_id = '$BUSY_TEAM' and is_open and (sla_breached or sla_due_at <= now()))
	from support_case")
log "$CASES cases, $OPEN open, $DUE due for escalation ($PLANTED_DUE planted); $BUSY_USER's team: $QUEUED in its queue, $AT_RISK at risk, $BREACHED open and breached"

GREENMAIL_PID=""
ensure_jar
cleanup() {
	stop_app
	[[ -n "$GREENMAIL_PID" ]] && kill "$GREENMAIL_PID" 2>/dev/null
	q -c "update support_mailbox set enabled = false" >/dev/null 2>&1 || true
	q -c "delete from api_token where name = 'Benchmark $RUN_ID'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
start_app "$RUN_DIR/app.log" --rapport.search.build-when-empty=false --rapport.scheduler.enabled=true
BASE="http://127.0.0.1:$APP_PORT"

# (s) the escalation sweep. The first runs within the scheduler's first polls after the start, with the code not yet
# compiled by the JIT; then the planted cases fall due again, and the next sweep (a minute later) is the one of a
# running application. After each, what the escalations set going besides: the timeline's entries (an event
# listener, after each batch commits) and the search index's updates (its outbox); the measurements wait for them,
# as they would share the machine.
# the sweeps that escalated the planted cases (others, of a few generated cases falling due meanwhile, are left out)
planted_sweeps() {
	grep -o 'Case escalation at [^:]*:[^:]*:[^:]*: [0-9]* escalations, [0-9]* notices sent in [0-9]* ms' \
		"$RUN_DIR/app.log" | sed 's/^.*Z: //' | awk -v planted="$PLANTED_DUE" '$1 >= planted'
}
# sweep N: waits for the Nth sweep of the planted cases and for its aftermath; sets SWEEP and AFTERMATH
sweep() {
	log "waiting for escalation sweep $1"
	local deadline=$((SECONDS + 300))
	until (($(planted_sweeps | wc -l) >= $1)); do
		((SECONDS < deadline)) || die "no escalation sweep within 5 minutes (see $RUN_DIR/app.log)"
		sleep 1
	done
	SWEEP=$(planted_sweeps | sed -n "$1p")
	log "escalation sweep $1: $SWEEP"
	local settled=$SECONDS
	deadline=$((SECONDS + 600))
	until [[ "$(q -c "select (select count(*) from event_publication where completion_date is null)
			+ (select count(*) from hsearch_outbox_event)")" == 0 ]]; do
		((SECONDS < deadline)) || die "the timeline and the search index did not catch up within 10 minutes"
		sleep 1
	done
	AFTERMATH="the timeline and the search index caught up $((SECONDS - settled)) s after"
	log "$AFTERMATH"
	local left moved
	left=$(q -c "select count(*) from support_case where category = '$PLANTED' and escalation_level < 3")
	moved=$(q -c "select count(*) from support_case c join sla_policy p on p.id = c.policy_id
		where c.category = '$PLANTED' and c.team_id = p.escalation_team_id")
	log "$left planted cases left below the last level; $moved in the escalation queue"
}
sweep 1
FIRST_SWEEP="$SWEEP ($AFTERMATH)"
plant >/dev/null
q -c "vacuum (analyze) support_case" >/dev/null
sweep 2

new_token "$BUSY_USER" TOKEN "Benchmark $RUN_ID"
jar="$RUN_DIR/cookies.txt"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$BUSY_USER" \
	--data-urlencode "password=$RAPPORT_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
[[ -n "$SESSION" ]] || die "signing in as $BUSY_USER failed"

declare -A PATHS=(
	[queue]="/api/v1/queues/$BUSY_TEAM?size=20"
	[queuepage]="/cases/queue"
	[atrisk]="/api/v1/cases?sla=AT_RISK&size=20"
	[breached]="/api/v1/cases?sla=BREACHED&open=true&size=20"
)
declare -A RESULT
for name in queue queuepage atrisk breached; do
	auth=(BENCH_TOKEN="$TOKEN")
	check=(-H "Authorization: Bearer $TOKEN")
	if [[ "$name" == queuepage ]]; then
		auth=(BENCH_TOKEN= BENCH_SESSION="$SESSION")
		check=(-b "JSESSIONID=$SESSION")
	fi
	code=$(curl -sS -o "$RUN_DIR/$name.body" -w '%{http_code}' "${check[@]}" "$BASE${PATHS[$name]}")
	[[ "$code" == 200 ]] || die "$name answered $code (see $RUN_DIR/$name.body)"
	log "$name: warm-up ${WARMUP}s, then ${DURATION}s with 1 connection"
	env BENCH_PATH="${PATHS[$name]}" "${auth[@]}" wrk -t1 -c1 -d"${WARMUP}s" --timeout 10s \
		-s "$BENCH_LUA_DIR/get.lua" "$BASE" >"$RUN_DIR/$name-warmup.txt" 2>&1
	measure "$RUN_DIR/$name.txt" app_backend_pids -- env BENCH_PATH="${PATHS[$name]}" "${auth[@]}" \
		wrk -t1 -c1 -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_LUA_DIR/get.lua" "$BASE"
	line=$(grep '^BENCH ' "$RUN_DIR/$name.txt") || { cat "$RUN_DIR/$name.txt" >&2; die "$name: wrk gave no result"; }
	RESULT[$name]="$line ${MEASURED/client_cpu/wrk_cpu}"
	log "$name: ${RESULT[$name]}"
done

# (m) e-mail to case from a GreenMail mailbox
MAIL_ROW="| e-mail to case | not measured (MESSAGES=0) | | | | | |"
if ((MESSAGES > 0)); then
	if [[ -z "${GREENMAIL_JAR:-}" ]]; then
		GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml")
		GREENMAIL_JAR="$HOME/.m2/repository/com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
		[[ -f "$GREENMAIL_JAR" ]] || (cd "$ROOT" && ./mvnw -q -B dependency:get \
			-Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -Dtransitive=false) \
			|| die "cannot fetch GreenMail standalone $GREENMAIL_VERSION"
	fi
	SMTP_PORT=$(free_port)
	IMAP_PORT=$(free_port)
	MAILBOX=service@bench.rapport.example
	# the cases it opens go to another team than the one measured above, so that a run leaves that team's queue as
	# generate-cases.sh made it
	read -r MAIL_OWNER MAIL_TEAM < <(q -F ' ' -c "select u.id, u.team_id from app_user u join team t on t.id = u.team_id
		where u.team_id <> '$BUSY_TEAM' order by t.name, u.username limit 1")
	java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
		-Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
		-Dgreenmail.users="service:bench-secret@bench.rapport.example" -Dgreenmail.users.login=email \
		-Xmx2g -jar "$GREENMAIL_JAR" >"$RUN_DIR/greenmail.log" 2>&1 &
	GREENMAIL_PID=$!
	until port_in_use "$SMTP_PORT" && port_in_use "$IMAP_PORT"; do
		kill -0 "$GREENMAIL_PID" 2>/dev/null || { cat "$RUN_DIR/greenmail.log" >&2; die "GreenMail did not start"; }
		sleep 0.5
	done
	q -c "select email from contact tablesample system (1) where email is not null limit 5000" >"$RUN_DIR/known.txt"
	q -c "select number from support_case where is_open and category is distinct from '$PLANTED' limit 5000" \
		>"$RUN_DIR/numbers.txt"
	log "sending $MESSAGES messages to $MAILBOX (GreenMail, SMTP $SMTP_PORT, IMAP $IMAP_PORT)"
	KINDS=$(python3 "$ROOT/scripts/lib/fill_mailbox.py" 127.0.0.1 "$SMTP_PORT" "$MAILBOX" "$MESSAGES" \
		"$RUN_DIR/known.txt" "$RUN_DIR/numbers.txt")
	log "sent: $KINDS"
	BEFORE=$(q -c "select count(*) from support_case")
	q -c "insert into support_mailbox (id, version, enabled, host, port, security, username, password, folder, address,
			owner_id, queue_team_id, updated_at)
		values (1, 0, true, '127.0.0.1', $IMAP_PORT, 'NONE', '$MAILBOX', 'bench-secret', 'INBOX', '$MAILBOX',
			'$MAIL_OWNER', '$MAIL_TEAM', now())
		on conflict (id) do update set enabled = true, host = excluded.host, port = excluded.port,
			security = excluded.security, username = excluded.username, password = excluded.password,
			folder = excluded.folder, address = excluded.address, owner_id = excluded.owner_id,
			queue_team_id = excluded.queue_team_id, last_error = null" >/dev/null
	log "mailbox on: waiting for the next poll to read the $MESSAGES messages"
	wait_for_mail() {
		local deadline=$((SECONDS + 1800))
		until grep -q 'E-mail to case: [0-9]* messages handled' "$RUN_DIR/app.log"; do
			((SECONDS < deadline)) || return 1
			sleep 0.5
		done
	}
	started=$SECONDS
	measure "$RUN_DIR/mail.txt" app_backend_pids -- wait_for_mail
	((MEASURED_RC == 0)) || die "the mailbox was not read within 30 minutes (see $RUN_DIR/app.log)"
	WINDOW=$((SECONDS - started))
	read -r HANDLED LEFT_UNREAD POLL_MS < <(grep -o 'E-mail to case: [0-9]* messages handled, [0-9]* left for the next poll, in [0-9]* ms' \
		"$RUN_DIR/app.log" | head -1 | awk '{ print $4, $7, $(NF-1) }')
	AFTER=$(q -c "select count(*) from support_case")
	OUTCOMES=$(q -c "select string_agg(lower(outcome) || '=' || n, ' ' order by outcome)
		from (select outcome, count(*) as n from case_inbound group by outcome) o")
	RATE=$(awk -v n="$HANDLED" -v ms="$POLL_MS" 'BEGIN { printf "%.1f", n * 1000 / ms }')
	field_of() { echo "$MEASURED" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
	# the CPU over the whole wait, as CPU milliseconds per message
	PER_MESSAGE=$(awk -v a="$(field_of app_cpu)" -v d="$(field_of db_cpu)" -v w="$WINDOW" -v n="$HANDLED" \
		'BEGIN { printf "%.1f / %.1f", a * w * 1000 / n, d * w * 1000 / n }')
	log "e-mail to case: $HANDLED handled ($LEFT_UNREAD left) in $POLL_MS ms, $RATE messages/s; $((AFTER - BEFORE)) cases opened; outcomes $OUTCOMES; CPU ms per message app / PostgreSQL $PER_MESSAGE; $MEASURED"
	MAIL_ROW="| e-mail to case: $HANDLED messages ($KINDS), $((AFTER - BEFORE)) cases opened | $RATE messages/s ($POLL_MS ms) | | | | CPU ms per message: $PER_MESSAGE | $(field_of other_cpu) |"
fi

field() { echo "${RESULT[$1]}" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'; }
row() { # row NAME LABEL TARGET
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$(field "$1" p95_ms)" "$3" "$(field "$1" p50_ms)" \
		"$(field "$1" rps)" "$(field "$1" app_cpu) / $(field "$1" db_cpu)" "$(field "$1" other_cpu)"
}
TABLE=$(
	echo "Run $RUN_ID, commit $(app_commit), $ACCOUNTS accounts and $CASES cases ($OPEN open); one connection, ${DURATION} s after ${WARMUP} s of warm-up, as $BUSY_USER."
	echo
	echo '| scenario | p95 (ms) | target | p50 (ms) | requests/s | cores: app / PostgreSQL | other CPU (cores) |'
	echo '|---|---|---|---|---|---|---|'
	row queue "a queue's first page, API ($QUEUED cases waiting in it)" "< 30 ms"
	row queuepage "the queue page (the queue and the user's own open cases)" "< 30 ms"
	row atrisk "cases at risk, API ($AT_RISK in the team)" "< 30 ms"
	row breached "open cases breached, API ($BREACHED in the team)" "< 30 ms"
	echo "| escalation sweep, $PLANTED_DUE due at once in a running application | $SWEEP ($AFTERMATH) | < 5 s | | | | |"
	echo "| the same, the first sweep after a start | $FIRST_SWEEP | (report) | | | | |"
	echo "$MAIL_ROW"
)
echo
echo "$TABLE"
if ((UPDATE_DOC)); then
	echo "$TABLE" >"$RUN_DIR/table.md"
	update_doc support "$RUN_DIR/table.md" "## Customer service"
fi
