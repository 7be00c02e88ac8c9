#!/usr/bin/env bash
# Backtest scale benchmark (issue 5; results and method in docs/BENCHMARKS.md).
#   jobs/bench/backtest-scale.sh [SIZES...]      default sizes: 10 100 1000 (services)
# For each size N: generates `sample-data --services N --days 30 --step 60s --seed 1` (kept and reused
# when already there), writes 5 policies per service (jobs/bench/policies.py), and runs
# `backtest --format csv --out` under /usr/bin/time -v with the driver heap capped at 2 GB.
# Everything goes to $BENCH_DIR (default /tmp/scalewise-bench), never into the repository.
# The run has --verbose, so it prints the replay kernel's CPU time (a Spark accumulator around each policy's
# replay); overhead = wall / (kernel CPU-s / cores). One line per size is appended to $BENCH_DIR/backtest.tsv.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/scalewise-bench}"
days="${DAYS:-30}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100 1000)
mkdir -p "$bench"
export SCALEWISE_JAVA_OPTS="${SCALEWISE_JAVA_OPTS:--Xmx2g}"

field() { grep -F "$1" "$2" | sed 's/.*: //'; }   # a /usr/bin/time -v field
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }  # h:mm:ss -> s

results="$bench/backtest.tsv"
[ -f "$results" ] || printf 'services\tdays\tpolicies\tgen_s\tgen_rss_kb\tinput_rows\tbacktest_s\tpeak_rss_kb\tpartitions\tresult_rows\tsummary_rows\tinput_rows_per_s\tkernel_cpu_s\tcores\toverhead\tload_before\n' > "$results"
for n in "${sizes[@]}"; do
  fleet="$bench/fleet-$n"
  gen_s=reused; gen_rss=-
  if [ ! -f "$fleet/services.yaml" ]; then
    /usr/bin/time -v "$repo/cli/scalewise" sample-data --services "$n" --days "$days" --step 60s --seed 1 \
      --out "$fleet" --force > "$bench/gen-$n.out" 2> "$bench/gen-$n.time"
  fi
  if [ -f "$bench/gen-$n.time" ]; then
    gen_s=$(field "Elapsed (wall clock)" "$bench/gen-$n.time" | seconds)
    gen_rss=$(field "Maximum resident" "$bench/gen-$n.time")
  fi
  pol="$bench/policies-$n"
  python3 "$repo/jobs/bench/policies.py" "$fleet" "$pol"
  cp "$fleet/services.yaml" "$pol/services.yaml"
  "$repo/cli/scalewise" policy show "$pol" > /dev/null   # all must load (exit 2 otherwise)
  policies=$(grep -c '^kind:' "$pol/bench-policies.yaml")
  out="$bench/out-$n"
  rm -rf "$out"
  echo "backtest: $n services x $days days x $policies policies" >&2
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$repo/cli/scalewise" backtest --data "$fleet" --policies "$pol" --format csv --out "$out" \
    --verbose > "$bench/backtest-$n.csv" 2> "$bench/backtest-$n.time"
  wall=$(field "Elapsed (wall clock)" "$bench/backtest-$n.time" | seconds)
  rss=$(field "Maximum resident" "$bench/backtest-$n.time")
  # input rows: one row per service and minute in each of requests, latency, gpu (billing is one row
  # per service and hour, plus 2 unrelated rows a day, counted too)
  input_rows=$(( n * days * (1440 * 3 + 24) + 2 * days ))
  # result rows: one per service x (policies + observed) x day partition written (computed, not read back)
  partitions=$(find "$out/results" -maxdepth 1 -name 'date=*' | wc -l)
  result_rows=$(( (policies + n) * partitions ))
  summary_rows=$(( $(wc -l < "$bench/backtest-$n.csv") - 1 ))
  rate=$(awk -v r="$input_rows" -v s="$wall" 'BEGIN { printf "%.0f", r / s }')
  # "scalewise: timing: replay kernel 12.34 CPU-s (...) in 500 policy replays, 2 cores; ..."
  timing=$(grep -F 'scalewise: timing: replay kernel' "$bench/backtest-$n.time")
  kernel=$(sed 's/.*replay kernel \([0-9.]*\) CPU-s.*/\1/' <<< "$timing")
  cores=$(sed 's/.* \([0-9]*\) cores;.*/\1/' <<< "$timing")
  overhead=$(awk -v w="$wall" -v k="$kernel" -v c="$cores" 'BEGIN { printf "%.2f", w / (k / c) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$days" "$policies" "$gen_s" \
    "$gen_rss" "$input_rows" "$wall" "$rss" "$partitions" "$result_rows" "$summary_rows" "$rate" "$kernel" "$cores" \
    "$overhead" "$load" | tee -a "$results"
done
