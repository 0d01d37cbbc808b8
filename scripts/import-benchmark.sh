#!/usr/bin/env bash
# Measures the CSV import of contacts on PostgreSQL and, beside it, PostgreSQL's COPY of the same file into a
# bare table with the same columns; prints both rates and their ratio.
#
#   scripts/import-benchmark.sh            # 200,000 rows into the database rapport_import_bench
#   ROWS=50000 scripts/import-benchmark.sh
#   WARMUP_ROWS=0 scripts/import-benchmark.sh   # measure a freshly started application (no warm-up import)
#
# Settings (environment): ROWS (200000), PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1, 5432, postgres, empty),
# PGDATABASE (rapport_import_bench; created if missing; rapport_test, rapport_bench and rapport are refused),
# RAPPORT_JAR (target/rapport.jar, built if missing), APP_HEAP (512m), BATCH_SIZE (1000), WARMUP_ROWS (100000).
#
# Before the measured import, the same application imports WARMUP_ROWS other contacts (external ids WARM-…), so
# that the measurement shows a running server rather than a JVM still compiling its code; the warm-up's own rate
# is printed too.
set -euo pipefail

export PGDATABASE="${PGDATABASE:-rapport_import_bench}"
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

: "${ROWS:=200000}"
: "${BATCH_SIZE:=1000}"
: "${WARMUP_ROWS:=100000}"

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

BENCH_TOKEN="rpt_bench_$(openssl rand -hex 20)"
cleanup() {
	stop_app
	q -c "delete from api_token where name = 'Import benchmark $RUN_ID'" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app "$RUN_DIR/app.log" --rapport.imports.batch-size="$BATCH_SIZE" --rapport.scheduler.enabled=false ${APP_ARGS:-}
BASE="http://127.0.0.1:$APP_PORT"

# Every run starts from the same state: no contacts of earlier runs, no earlier import jobs.
q -c "delete from contact where external_id like 'BENCH-%' or external_id like 'WARM-%'" >/dev/null
q -c "delete from import_job" >/dev/null
q -c "vacuum (analyze) contact" >/dev/null 2>&1 || true
q -c "insert into api_token (id, user_id, name, token_hash, hint, created_at)
	select gen_random_uuid(), id, 'Import benchmark $RUN_ID', encode(sha256(convert_to('$BENCH_TOKEN', 'UTF8')), 'hex'),
		left('$BENCH_TOKEN', 8), now()
	from app_user where username = 'admin'" >/dev/null

# cpu_seconds PID|postgres: CPU seconds (user + system) a process, or all PostgreSQL processes, used so far
cpu_seconds() {
	local pids
	if [[ "$1" == postgres ]]; then pids=$(pgrep -x postgres || true); else pids=$1; fi
	local ticks=0 pid
	for pid in $pids; do
		ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
	done
	awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# import FILE: runs one import through the API and waits for its end; sets START, UPLOADED, FINISHED, JOB_SECONDS
# and CREATED
import_file() {
	log "importing $(basename "$1") through POST /api/v1/imports (duplicate mode CREATE)"
	START=$(date +%s.%N)
	local response id status=""
	response=$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" -F "file=@$1;type=text/csv" -F entity=contacts \
		-F duplicateMode=CREATE -F matchBy=EXTERNAL_ID "$BASE/api/v1/imports")
	id=$(printf '%s' "$response" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
	UPLOADED=$(date +%s.%N)
	while [[ "$status" != DONE && "$status" != FAILED ]]; do
		sleep 0.2
		status=$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/api/v1/imports/$id" \
			| python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
	done
	FINISHED=$(date +%s.%N)
	[[ "$status" == DONE ]] || die "the import failed: $(q -c "select failure from import_job where id = '$id'")"
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
app_cpu_before=$(cpu_seconds "$APP_PID") db_cpu_before=$(cpu_seconds postgres)
import_file "$CSV"
app_cpu=$(awk -v a="$(cpu_seconds "$APP_PID")" -v b="$app_cpu_before" 'BEGIN {printf "%.2f", a - b}')
db_cpu=$(awk -v a="$(cpu_seconds postgres)" -v b="$db_cpu_before" 'BEGIN {printf "%.2f", a - b}')
start=$START uploaded=$UPLOADED finished=$FINISHED run_seconds=$JOB_SECONDS created=$CREATED
landed=$(q -c "select count(*) from contact where external_id like 'BENCH-%'")
[[ "$landed" == "$ROWS" && "$created" == "$ROWS" ]] || die "expected $ROWS contacts, found $landed (job: $created)"
stop_app

log "COPY of the same file into a bare table"
q -c "drop table if exists import_bench_copy" >/dev/null
q -c "create table import_bench_copy (external_id varchar(100), first_name varchar(100), last_name varchar(100),
	email varchar(254), phone varchar(40), title varchar(100), city varchar(100), country varchar(100))" >/dev/null
copy_start=$(date +%s.%N)
q -c "\\copy import_bench_copy from '$CSV' with (format csv, header true, encoding 'UTF8')"
copy_end=$(date +%s.%N)
copied=$(q -c "select count(*) from import_bench_copy")
q -c "drop table import_bench_copy" >/dev/null

python3 - "$ROWS" "$start" "$uploaded" "$finished" "$run_seconds" "$copy_start" "$copy_end" "$copied" \
	"$WARMUP_ROWS" "$warm_seconds" "$app_cpu" "$db_cpu" "$(nproc)" <<'PY' | tee "$RUN_DIR/results.txt"
import sys
rows, start, uploaded, finished, run, cs, ce, copied, warm_rows, warm, app_cpu, db_cpu, cores = sys.argv[1:]
app_cpu, db_cpu, cores = float(app_cpu), float(db_cpu), int(cores)
rows = int(rows); start, uploaded, finished, run, cs, ce = map(float, (start, uploaded, finished, run, cs, ce))
warm_rows, warm = int(warm_rows), float(warm)
if warm_rows:
    print(f"warm-up import (rows, s)       {warm_rows:>10,} {warm:>7.2f}   {warm_rows / warm:>10,.0f} rows/s")
total = finished - start
copy = ce - cs
print(f"rows                          {rows:>10,}")
print(f"upload + row count (s)        {uploaded - start:>10.2f}")
print(f"import job, start to end (s)  {run:>10.2f}   {rows / run:>10,.0f} rows/s")
print(f"end to end, with upload (s)   {total:>10.2f}   {rows / total:>10,.0f} rows/s")
print(f"COPY into a bare table (s)    {copy:>10.2f}   {int(copied) / copy:>10,.0f} rows/s")
print(f"CPU used, application (s)     {app_cpu:>10.2f}   {app_cpu * 1000 / rows:>10.3f} ms per row")
print(f"CPU used, PostgreSQL (s)      {db_cpu:>10.2f}   {db_cpu * 1000 / rows:>10.3f} ms per row")
print(f"CPU busy during the import    {(app_cpu + db_cpu) / (float(finished) - float(start)) / cores:>10.0%} of {cores} cores")
print(f"COPY is faster by             {run / copy:>10.1f} x (import job)   {total / copy:.1f} x (end to end)")
PY
log "results in $RUN_DIR/results.txt"
