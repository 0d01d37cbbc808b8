#!/usr/bin/env bash
# Measures Rapport's analytics code (customer lifetime value, K-Means, churn models, recommendations, scoring) on
# seeded data, beside the same computations by NumPy, SciPy and scikit-learn on the same files and machine:
#   clv-25k               BG/NBD + Gamma-Gamma fitted to 25,000 simulated customers (target under 3 s)
#   clv-1m                the same with 1,000,000 customers (reported)
#   kmeans-1m             standardising and K-Means (k 5, 10 restarts) over 1,000,000 rows of 4 features, with the
#                         silhouette on a sample of 10,000 (target under 30 s)
#   churn-telco           the four churn models by 5-fold cross-validation on the 7,043 Telco rows (under 20 s)
#   recommendations-100k  item-based recommender fitted on 1,000,000 lines of 100,000 users over 3,000 items, then
#                         10 recommendations for every user (under 60 s)
#   scoring-1m            the best Telco churn model scoring 1,000,000 rows (reported)
# Rapport's side is org.rapport.analytics.AnalyticsBenchmark, a main on the test classpath run with -Xmx$JAVA_HEAP;
# it writes the data as CSV files, which scripts/lib/analytics_bench.py then reads with Debian's /usr/bin/python3.
# Each side's CPU and that of every other process on the machine are sampled during its run.
# Builds nothing but the test classes (./mvnw -B -q -o test-compile, offline) and the classpath file.
# Prints a results table; with --update-doc also writes it into the "Analytics" section of docs/BENCHMARKS.md.
#
#   scripts/analytics-benchmark.sh
#   scripts/analytics-benchmark.sh --update-doc
#   SCENARIOS="clv-25k churn-telco" BENCH_PROPS="-Dbench.clvSmall=2000" scripts/analytics-benchmark.sh
#
# Settings (environment):
#   SCENARIOS     the scenarios to run (default: all six, in the order above)
#   JAVA_HEAP     the Java side's heap (default 4g)
#   BENCH_PROPS   extra -D options for the Java side, such as smaller sizes for a trial: bench.clvSmall,
#                 bench.clvLarge, bench.kmeansRows, bench.recUsers, bench.recLines, bench.recItems,
#                 bench.scoringRows, bench.parallelism (default: the processors), bench.seed (42)
#   PYTHON        the interpreter with scikit-learn and SciPy (default /usr/bin/python3, for which the script
#                 installs Debian's python3-sklearn and python3-scipy when they are missing and it runs as root)
#   PYTHON_SKIP=1 leaves out the Python side
#   KEEP_DATA=1   keeps the generated CSV files (about 100 MB) in the run folder
#   QUIET_WAIT, QUIET_CORES   wait up to 180 s before the run until other processes use less than 0.3 cores
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

: "${SCENARIOS:=clv-25k clv-1m kmeans-1m churn-telco recommendations-100k scoring-1m}"
: "${JAVA_HEAP:=4g}"
: "${BENCH_PROPS:=}"
: "${PYTHON:=/usr/bin/python3}"
: "${PYTHON_SKIP:=0}"
: "${KEEP_DATA:=0}"
: "${QUIET_WAIT:=180}"
: "${QUIET_CORES:=0.3}"
TELCO="$ROOT/../shared/data/telco-customer-churn.csv"
[[ -r "$TELCO" ]] || die "no Telco data at $TELCO (the shared data folder beside the project)"
if ((!PYTHON_SKIP)) && ! "$PYTHON" -c 'import sklearn, scipy, numpy' 2>/dev/null; then
	# Debian's packages: the Python package index need not be reachable
	if [[ "$PYTHON" == /usr/bin/python3 && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
		log "installing python3-sklearn and python3-scipy (apt-get)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-sklearn python3-scipy >&2 \
			|| die "apt-get could not install python3-sklearn and python3-scipy"
	fi
	"$PYTHON" -c 'import sklearn, scipy, numpy' 2>/dev/null \
		|| die "$PYTHON lacks scikit-learn or SciPy (apt-get install -y python3-sklearn python3-scipy), or set PYTHON_SKIP=1"
fi

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH_WORK_DIR/analytics-$RUN_ID"
DATA_DIR="$RUN_DIR/data"
mkdir -p "$DATA_DIR"
cleanup() { ((KEEP_DATA)) || rm -rf "$DATA_DIR"; }
trap cleanup EXIT

log "compiling the test classes (offline)"
(cd "$ROOT" && ./mvnw -B -q -o test-compile) || die "test-compile failed"
CLASSPATH_FILE="$ROOT/target/analytics-benchmark.classpath"
(cd "$ROOT" && ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE") \
	|| die "could not write the test classpath"
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CLASSPATH_FILE")"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' with uncommitted changes')"

# a quiet moment first, as benchmark.sh waits for one
deadline=$((SECONDS + QUIET_WAIT))
while :; do
	OTHER_BEFORE=$(other_cores 3)
	awk -v o="$OTHER_BEFORE" -v q="$QUIET_CORES" 'BEGIN { exit !(o < q) }' && break
	((SECONDS < deadline)) || { log "other processes still use $OTHER_BEFORE cores: measuring anyway"; break; }
	log "other processes use $OTHER_BEFORE cores: waiting for a quiet moment"
	sleep 5
done
log "other processes before the run: $OTHER_BEFORE cores"
read -ra scenarios <<<"$SCENARIOS"
read -ra props <<<"$BENCH_PROPS"
log "Rapport: ${scenarios[*]} (java -Xmx$JAVA_HEAP, output $RUN_DIR/java.txt)"
# run from the project root: the Java side reads ../shared/data as the tests do
cd "$ROOT"
MEASURE_BACKENDS=0 measure "$RUN_DIR/java.txt" no_backends -- \
	java -Xmx"$JAVA_HEAP" "${props[@]}" -cp "$CP" org.rapport.analytics.AnalyticsBenchmark "$DATA_DIR" "${scenarios[@]}"
((MEASURED_RC == 0)) || { tail -n 40 "$RUN_DIR/java.txt" >&2; die "the Java side failed (see $RUN_DIR/java.txt)"; }
JAVA_CPU="$MEASURED"
log "Rapport: $JAVA_CPU"
grep '^BENCH ' "$RUN_DIR/java.txt" >&2 || true

PYTHON_CPU="" PY_VERSIONS="not run"
if ((!PYTHON_SKIP)); then
	log "Python: ${scenarios[*]} ($PYTHON, output $RUN_DIR/python.txt)"
	MEASURE_BACKENDS=0 measure "$RUN_DIR/python.txt" no_backends -- \
		"$PYTHON" "$ROOT/scripts/lib/analytics_bench.py" "$DATA_DIR" "${scenarios[@]}" --telco "$TELCO"
	((MEASURED_RC == 0)) || { tail -n 40 "$RUN_DIR/python.txt" >&2; die "the Python side failed (see $RUN_DIR/python.txt)"; }
	PYTHON_CPU="$MEASURED"
	log "Python: $PYTHON_CPU"
	grep '^PY ' "$RUN_DIR/python.txt" >&2 || true
	PY_VERSIONS=$("$PYTHON" -c 'import sys, numpy, scipy, sklearn; print("Python %s, NumPy %s, SciPy %s, scikit-learn %s" % (sys.version.split()[0], numpy.__version__, scipy.__version__, sklearn.__version__))')
fi

# field FILE PREFIX SCENARIO KEY: a field of a scenario's line (seconds, or detail with its quotes removed)
field() {
	local line
	line=$(grep "^$2 scenario=$3 " "$1" 2>/dev/null | tail -1) || true
	[[ -n "$line" ]] || return 0
	if [[ "$4" == detail ]]; then
		sed 's/.* detail="\(.*\)"$/\1/' <<<"$line"
	else
		tr ' ' '\n' <<<"$line" | awk -F= -v k="$4" '$1 == k { print $2 }'
	fi
}
cpu_field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }
declare -A TARGET=([clv-25k]=3 [kmeans-1m]=30 [churn-telco]=20 [recommendations-100k]=60)
declare -A LABEL=(
	[clv-25k]="BG/NBD + Gamma-Gamma, 25,000 customers"
	[clv-1m]="BG/NBD + Gamma-Gamma, 1,000,000 customers"
	[kmeans-1m]="K-Means k 5, 1,000,000 rows × 4"
	[churn-telco]="4 churn models, 5-fold CV, Telco 7,043 rows"
	[recommendations-100k]="item-based, 100,000 users, 1,000,000 lines"
	[scoring-1m]="churn scoring, 1,000,000 rows"
)
row() {
	local s="$1" java py target verdict ratio
	java=$(field "$RUN_DIR/java.txt" BENCH "$s" seconds)
	py=$(field "$RUN_DIR/python.txt" PY "$s" seconds)
	if [[ -n "${TARGET[$s]:-}" ]]; then
		target="< ${TARGET[$s]} s"
		if [[ -z "$java" ]]; then verdict="no result"
		elif awk -v a="$java" -v b="${TARGET[$s]}" 'BEGIN { exit !(a < b) }'; then verdict="met"
		else verdict="**missed**"; fi
	else
		target="report"
		verdict="reported"
	fi
	ratio=$(awk -v p="$py" -v j="$java" 'BEGIN { if (p != "" && j > 0) printf "%.2f", p / j; else print "n/a" }')
	printf '| %s | %s | %s | %s | %s | %s |\n' "${LABEL[$s]}" "${java:-n/a}" "$target" "${py:-n/a}" "$ratio" "$verdict"
}
JAVA_VERSION=$(java -version 2>&1 | head -1 | sed 's/^openjdk version "\([^"]*\)".*/OpenJDK \1/')
PY_OWN="n/a" PY_OTHER="n/a"
if [[ -n "$PYTHON_CPU" ]]; then
	PY_OWN=$(cpu_field "$PYTHON_CPU" client_cpu)
	PY_OTHER=$(cpu_field "$PYTHON_CPU" other_cpu)
fi
TABLE=$(
	echo "Run $RUN_ID, commit $COMMIT; $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)),"
	echo "$JAVA_VERSION with -Xmx$JAVA_HEAP, $PY_VERSIONS. Seconds of one timed run each, wall clock, without"
	echo "generating or reading the data. Cores busy during each side's whole run (data generation included): Rapport"
	echo "$(cpu_field "$JAVA_CPU" client_cpu), Python $PY_OWN; **other processes $(cpu_field "$JAVA_CPU" other_cpu)** during the Rapport run"
	echo "and **$PY_OTHER** during the Python run ($OTHER_BEFORE just before)."
	echo
	echo '| scenario | Rapport (s) | target | Python (s) | Python ÷ Rapport | result |'
	echo '|---|---|---|---|---|---|'
	for s in "${scenarios[@]}"; do row "$s"; done
	echo
	echo "What each side reported:"
	echo
	for s in "${scenarios[@]}"; do
		py=$(field "$RUN_DIR/python.txt" PY "$s" detail)
		echo "- \`$s\` — Rapport: $(field "$RUN_DIR/java.txt" BENCH "$s" detail). Python: ${py:-not run}."
	done
)
echo
echo "$TABLE"
echo "$TABLE" >"$RUN_DIR/table.md"
if ((UPDATE_DOC)); then
	update_doc analytics "$RUN_DIR/table.md" "## Analytics"
fi
