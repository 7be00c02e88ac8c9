#!/usr/bin/env bash
# Recommend timing (issues 6 and 22; docs/BENCHMARKS.md §3): `recommend` over a generated fleet with the 5
# benchmark policies per service (jobs/bench/policies.py, as the backtest benchmark), the whole fleet and
# one service, under /usr/bin/time -v with the driver heap capped at 2 GB.
#   jobs/bench/recommend-scale.sh N [SERVICE]     (fleet from jobs/bench/backtest-scale.sh N)
#   POLICIES=observed jobs/bench/recommend-scale.sh N   only the fleet's observed HPAs (one per service)
# Prints per run: wall time, peak RSS, recommendations, statuses and candidates replayed per service (the
# search's size, from the output's `candidates` column). Output goes to $BENCH_DIR (default
# /tmp/scalewise-bench), never into the repository.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/scalewise-bench}"
n="${1:?fleet size, e.g. 100}"
service="${2:-llm-chat}"
fleet="$bench/fleet-$n"
[ -f "$fleet/services.yaml" ] || { echo "no fleet at $fleet: run jobs/bench/backtest-scale.sh $n first" >&2; exit 2; }
if [ "${POLICIES:-five}" = observed ]; then
  pol="$fleet/policies"
else
  pol="$bench/policies-$n"
  python3 "$repo/jobs/bench/policies.py" "$fleet" "$pol" >&2
  cp "$fleet/services.yaml" "$pol/services.yaml"
fi
export SCALEWISE_JAVA_OPTS="${SCALEWISE_JAVA_OPTS:--Xmx2g}"
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
run() {  # label, extra args...
  local label="$1"; shift
  local json="$bench/recommend-$n-$label.json" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$repo/cli/scalewise" recommend --data "$fleet" --policies "$pol" \
    --services "$fleet/services.yaml" --format json "$@" > "$json" 2> "$bench/recommend-$n-$label.time"
  summary=$(python3 - "$json" <<'PY'
import collections, json, sys
text = open(sys.argv[1]).read()
rows = json.loads(text[text.index('{'):])['recommendations']
services = {r['service'] for r in rows}
statuses = collections.Counter(r['status'].lower() for r in rows)
candidates = sum(r['candidates'] or 0 for r in rows)
print(f"{len(rows)}\t{candidates / max(1, len(services)):.0f}\t" + ' '.join(f"{k}={v}" for k, v in sorted(statuses.items())))
PY
)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$label" "$(field "Elapsed (wall clock)" "$bench/recommend-$n-$label.time" | seconds)" \
    "$(field "Maximum resident" "$bench/recommend-$n-$label.time")" "$summary" "$load"
}
printf 'fleet\trun\twall_s\tpeak_rss_kb\trecommendations\tcandidates_per_service\tstatuses\tload_before\n'
run "one-$service" --service "$service"
run fleet
