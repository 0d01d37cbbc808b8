#!/usr/bin/env bash
# Measures the CSV import of contacts on PostgreSQL and, in the same run, PostgreSQL alone doing the same: COPY of the
# same file into a copy of the table contact with the same indexes (CREATE TABLE ... (LIKE contact INCLUDING ALL),
# holding as many rows as contact did when the import started); prints both rates and the import's share of COPY's
# rate (target: at least 50 %), the CPU of the application, of PostgreSQL and of everything else on the machine during
# each, and the application's heap and resident memory afterwards. COPY into a bare table without indexes is shown
# too, as the floor.
#
#   scripts/import-benchmark.sh                 # 200,000 rows into the database rapport_import_bench
#   ROWS=50000 scripts/import-benchmark.sh
#   WARMUP_ROWS=0 scripts/import-benchmark.sh   # measure a freshly started application (no warm-up import)
#   scripts/import-benchmark.sh --update-doc    # ... and write the results table into docs/BENCHMARKS.md
#
# Settings (environment): ROWS (200000), PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1, 5432, postgres, empty),
# PGDATABASE (rapport_import_bench; created if missing; rapport_test, rapport_bench and rapport are refused),
# RAPPORT_JAR (target/rapport.jar, built if missing), RAPPORT_COMMIT (the commit the jar was built from), APP_HEAP
# (512m), BATCH_SIZE (1000), WARMUP_ROWS (100000), KEEP_INDEX=1 (keep the run's search index folder).
#
# The application keeps its search index in a folder of the run (target/benchmarks/import-<time>/data/index), so
# that it starts empty and no other run's index is touched; the script waits until the application reports no
# rebuild of it running before it imports. Before the measured import, the same application imports WARMUP_ROWS
# other contacts (external ids WARM-…), so that the measurement shows a running server rather than a JVM still
# compiling its code; the warm-up's own rate is printed too, and COPY's copy of contact gets the same rows first.
set -euo pipefail

export PGDATABASE="${PGDATABASE:-rapport_import_bench}"
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${ROWS:=200000}"
: "${BATCH_SIZE:=1000}"
: "${WARMUP_ROWS:=100000}"

UPDATE_DOC=0
for arg in "$@"; do
	case "$arg" in
		--update-doc) UPDATE_DOC=1 ;;
		-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) die "unknown argument $arg (try --help)" ;;
	esac
done

check_database_name
[[ "$PGDATABASE" == rapport_bench ]] && die "refusing rapport_bench: the import benchmark keeps its own database"
ensure_database
ensure_jar

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/import-$RUN_ID"
mkdir -p "$RUN_DIR"
CSV="$RUN_DIR/contacts.csv"

WARMUP_CSV="$RUN_DIR/warm-up.csv"

# write_contacts FILE ROWS PREFIX: a file of contacts with Latin and Chinese names, quoted titles and commas
write_contacts() {
log "writing $2 contacts to $1"
python3 - "$1" "$2" "$3" <<'PY'
import csv, random, sys
path, rows, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(7)
latin_first = ["Anna", "Ben", "Chloé", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Kai", "Lena",
               "Marco", "Nora", "Oscar", "Paula", "Quentin", "Rosa", "Sven", "Tara"]
latin_last = ["Müller", "O'Brien", "Schmidt", "García", "Rossi", "Dubois", "Novak", "Jensen", "Kowalski", "Smith",
              "van der Berg", "Silva", "Nakamura", "Andersson", "Costa", "Weber", "Hughes", "Moreau"]
zh_first = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超", "秀英", "建华"]
zh_last = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"]
titles = ["Buyer", "CTO", "Head of Sales, EMEA", "采购经理", "总经理", "Engineer \"Level 2\"", "", "财务总监"]
cities = [("Berlin", "Germany"), ("上海", "China"), ("Lyon", "France"), ("北京", "China"), ("Austin", "USA"),
          ("深圳", "China"), ("Milano", "Italy")]
with open(path, "w", newline="", encoding="utf-8") as f:
    out = csv.writer(f)
    out.writerow(["External ID", "First Name", "Last Name", "E-mail", "Phone", "Title", "City", "Country"])
    for i in range(rows):
        if i % 3 == 0:
            first, last = random.choice(zh_first), random.choice(zh_last)
        else:
            first, last = random.choice(latin_first), random.choice(latin_last)
        city, country = random.choice(cities)
        out.writerow([f"{prefix}-{i:08d}", first, last, f"{prefix.lower()}{i}@bench.example.com",
                      f"+{random.randint(1, 99)} {random.randint(100, 999)} {random.randint(1000000, 9999999)}",
                      random.choice(titles), city, country])
PY
log "file: $(du -h "$1" | cut -f1), $(wc -l <"$1") lines"
}
write_contacts "$CSV" "$ROWS" BENCH
((WARMUP_ROWS > 0)) && write_contacts "$WARMUP_CSV" "$WARMUP_ROWS" WARM

# Every run starts from the same state: no contacts of earlier runs, no earlier import jobs (before the application
# starts, so that its new index has nothing to catch up on).
if [[ -n "$(q -c "select to_regclass('contact')")" ]]; then
	q -c "delete from contact where external_id like 'BENCH-%' or external_id like 'WARM-%'" >/dev/null
	q -c "delete from import_job" >/dev/null
	q -c "vacuum (analyze) contact" >/dev/null 2>&1 || true
fi
q -c "set client_min_messages = warning" -c "drop table if exists import_bench_copy, import_bench_bare" >/dev/null

cleanup() {
	stop_app
	q -c "delete from api_token where name = 'Import benchmark $RUN_ID'" >/dev/null 2>&1 || true
	q -c "drop table if exists import_bench_copy, import_bench_bare" >/dev/null 2>&1 || true
	[[ "${KEEP_INDEX:-0}" == 1 ]] || rm -rf "$RUN_DIR/data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

APP_DATA_DIR="$RUN_DIR/data"
# shellcheck disable=SC2086 # APP_ARGS holds several arguments
start_app "$RUN_DIR/app.log" --rapport.imports.batch-size="$BATCH_SIZE" --rapport.scheduler.enabled=false ${APP_ARGS:-}
BASE="http://127.0.0.1:$APP_PORT"
new_token admin BENCH_TOKEN "Import benchmark $RUN_ID"
wait_for_index "$BENCH_TOKEN"

# job_status ID: the status of an import job
job_status() {
	curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/api/v1/imports/$1" \
		| python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'
}
# wait_for_job ID: polls the job until it has ended
wait_for_job() {
	local status=""
	while [[ "$status" != DONE && "$status" != FAILED ]]; do
		sleep 0.2
		status=$(job_status "$1")
	done
}

# import FILE: runs one import through the API and waits for its end, sampling the CPU meanwhile; sets START,
# UPLOADED, FINISHED, JOB_SECONDS, CREATED and IMPORT_CPU (as measure's MEASURED)
import_file() {
	log "importing $(basename "$1") through POST /api/v1/imports (duplicate mode CREATE)"
	START=$(date +%s.%N)
	local response id
	response=$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" -F "file=@$1;type=text/csv" -F entity=contacts \
		-F duplicateMode=CREATE -F matchBy=EXTERNAL_ID "$BASE/api/v1/imports")
	id=$(printf '%s' "$response" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
	UPLOADED=$(date +%s.%N)
	measure "$RUN_DIR/import-$(basename "$1" .csv).txt" app_backend_pids -- wait_for_job "$id"
	IMPORT_CPU="$MEASURED"
	FINISHED=$(date +%s.%N)
	[[ "$(job_status "$id")" == DONE ]] || die "the import failed: $(q -c "select failure from import_job where id = '$id'")"
	read -r CREATED JOB_SECONDS < <(q -F ' ' -c "select created_rows, extract(epoch from finished_at - started_at)
		from import_job where id = '$id'")
}

warm_seconds=0
if ((WARMUP_ROWS > 0)); then
	import_file "$WARMUP_CSV"
	warm_seconds=$JOB_SECONDS
	# the index of the search takes the warm-up's last documents in its own time; let it settle
	sleep 3
fi
contacts_before=$(q -c "select count(*) from contact")
import_file "$CSV"
start=$START uploaded=$UPLOADED finished=$FINISHED run_seconds=$JOB_SECONDS created=$CREATED import_cpu=$IMPORT_CPU
landed=$(q -c "select count(*) from contact where external_id like 'BENCH-%'")
[[ "$landed" == "$ROWS" && "$created" == "$ROWS" ]] || die "expected $ROWS contacts, found $landed (job: $created)"
memory_report "$APP_PID"
stop_app

# PostgreSQL alone: COPY of the same file into a copy of contact with the same indexes, constraints and defaults for
# what the file does not give (a UUIDv7 id, the importer as owner, the times), holding as many rows as contact held
# when the measured import started (the warm-up file's, copied first and not measured).
log "COPY of the same file into a copy of contact with its indexes"
admin_id=$(q -c "select id from app_user where username = 'admin'")
q <<SQL >/dev/null
create table import_bench_copy (like contact including all);
alter table import_bench_copy
	alter column id set default (lpad(to_hex((floor(extract(epoch from clock_timestamp()) * 1000)::bigint << 16)
		| 28672 | floor(random() * 4096)::bigint), 16, '0')
		|| lpad(to_hex(floor(random() * 4611686018427387904)::bigint - 9223372036854775807 - 1), 16, '0'))::uuid,
	alter column version set default 0,
	alter column owner_id set default '$admin_id',
	alter column created_by set default '$admin_id',
	alter column updated_by set default '$admin_id',
	alter column do_not_contact set default false,
	alter column created_at set default now(),
	alter column updated_at set default now();
create table import_bench_bare (external_id varchar(100), first_name varchar(100), last_name varchar(100),
	email varchar(254), phone varchar(40), title varchar(100), city varchar(100), country varchar(100));
SQL
columns="external_id, first_name, last_name, email, phone, title, city, country"
if ((WARMUP_ROWS > 0)); then
	q -c "\\copy import_bench_copy ($columns) from '$WARMUP_CSV' with (format csv, header true, encoding 'UTF8')"
fi
# as many rows as contact held before the measured import (the warm-up's, and whatever else the database holds)
filler=$((contacts_before - $(q -c "select count(*) from import_bench_copy")))
if ((filler > 0)); then
	q -c "insert into import_bench_copy ($columns) select $columns from contact
		where external_id is null or external_id not like 'BENCH-%' limit $filler" >/dev/null
fi
q -c "vacuum (analyze) import_bench_copy" >/dev/null
copy_into() { # copy_into TABLE OUTPUT: the measured COPY (its own time, as psql's \timing gives it), with its CPU;
	# sets COPY_SECONDS and COPY_CPU
	SAMPLE_SECONDS=0.2 measure "$2" backend_pids_of -- psql -X -q -v ON_ERROR_STOP=1 -c "\\timing on" \
		-c "\\copy $1 ($columns) from '$CSV' with (format csv, header true, encoding 'UTF8')"
	((MEASURED_RC == 0)) || { cat "$2" >&2; die "COPY into $1 failed"; }
	COPY_SECONDS=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$2" | tail -1 | awk '{ printf "%.3f", $1 / 1000 }')
	[[ -n "$COPY_SECONDS" ]] || die "psql gave no time for the COPY into $1 (see $2)"
	COPY_CPU="$MEASURED"
}
copy_into import_bench_copy "$RUN_DIR/copy-indexed.txt"
copy_seconds=$COPY_SECONDS copy_cpu=$COPY_CPU
copied=$(q -c "select count(*) from import_bench_copy where external_id like 'BENCH-%'")
indexes=$(q -c "select count(*) from pg_indexes where tablename = 'import_bench_copy'")
copy_into import_bench_bare "$RUN_DIR/copy-bare.txt"
bare_seconds=$COPY_SECONDS bare_cpu=$COPY_CPU
q -c "drop table import_bench_copy, import_bench_bare" >/dev/null
[[ "$copied" == "$ROWS" ]] || die "COPY loaded $copied rows, not $ROWS"

cpu() { # cpu "MEASURED" KEY
	tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
import_rate=$(rate "$ROWS" "$run_seconds")
copy_rate=$(rate "$ROWS" "$copy_seconds")
end_to_end=$(awk -v a="$start" -v b="$finished" 'BEGIN { printf "%.2f", b - a }')
RESULTS="$RUN_DIR/results.md"
{
	echo "Run $RUN_ID ($(date -u -d "${RUN_ID:0:8} ${RUN_ID:9:2}:${RUN_ID:11:2}" '+%-d %B %Y, %H:%M UTC')), commit $(app_commit), on $(nproc) cores; PostgreSQL $(q -c 'show server_version' | cut -d' ' -f1);"
	echo "$ROWS contacts from a $(du -h "$CSV" | cut -f1) CSV file, batches of $BATCH_SIZE; the measured import follows a warm-up import of $WARMUP_ROWS rows"
	echo "in the same application (contact held $contacts_before rows when it started; COPY's copy of contact as many)."
	echo "Search index: $INDEX_STATE. CPU columns: cores kept busy on average by the application, by PostgreSQL (the"
	echo "backends serving the application, or psql's), and by everything else on the machine (other CPU)."
	echo
	echo "| run | seconds | rows/s | app CPU | DB CPU | other CPU | share of COPY's rate |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	if ((WARMUP_ROWS > 0)); then
		echo "| warm-up import, $WARMUP_ROWS rows | $(printf '%.2f' "$warm_seconds") | $(rate "$WARMUP_ROWS" "$warm_seconds") | | | | |"
	fi
	echo "| **import job** (POST /api/v1/imports), start to end | $(printf '%.2f' "$run_seconds") | **$import_rate** | $(cpu "$import_cpu" app_cpu) | $(cpu "$import_cpu" db_cpu) | $(cpu "$import_cpu" other_cpu) | **$(ratio "$import_rate" "$copy_rate")** |"
	echo "| import end to end, with the upload ($(awk -v a="$start" -v b="$uploaded" 'BEGIN { printf "%.2f", b - a }') s) | $end_to_end | $(rate "$ROWS" "$end_to_end") | | | | $(ratio "$(rate "$ROWS" "$end_to_end")" "$copy_rate") |"
	echo "| **PostgreSQL alone**: COPY into a copy of contact with its $indexes indexes | $copy_seconds | **$copy_rate** | – | $(cpu "$copy_cpu" db_cpu) | $(cpu "$copy_cpu" other_cpu) | 100 % |"
	echo "| COPY into a bare table (no index) | $bare_seconds | $(rate "$ROWS" "$bare_seconds") | – | $(cpu "$bare_cpu" db_cpu) | $(cpu "$bare_cpu" other_cpu) | |"
	echo
	echo "Target: the import at least 50 % of COPY's rate: $(awk -v a="$import_rate" -v b="$copy_rate" 'BEGIN { print (a >= b / 2 ? "met" : "missed") }')."
	echo "Memory of the application after the import: $MEMORY_LINE."
} >"$RESULTS"
echo
cat "$RESULTS"
echo
log "results in $RESULTS"
if ((UPDATE_DOC)); then
	update_doc import-results "$RESULTS" "## CSV import"
fi
