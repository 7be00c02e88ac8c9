#!/usr/bin/env bash
# Recommend timing (issue 6; docs/BENCHMARKS.md): `recommend` over a generated fleet's observed HPAs,
# the whole fleet and one service, under /usr/bin/time -v with the driver heap capped at 2 GB.
#   jobs/bench/recommend-scale.sh N [SERVICE]     (fleet from jobs/bench/backtest-scale.sh N)
# Output goes to $BENCH_DIR (default /tmp/scalewise-bench), never into the repository.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/scalewise-bench}"
n="${1:?fleet size, e.g. 100}"
service="${2:-llm-chat}"
fleet="$bench/fleet-$n"
[ -f "$fleet/services.yaml" ] || { echo "no fleet at $fleet: run jobs/bench/backtest-scale.sh $n first" >&2; exit 2; }
export SCALEWISE_JAVA_OPTS="${SCALEWISE_JAVA_OPTS:--Xmx2g}"
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
run() {  # label, extra args...
  local label="$1"; shift
  /usr/bin/time -v "$repo/cli/scalewise" recommend --data "$fleet" --policies "$fleet/policies" \
    --services "$fleet/services.yaml" --format json "$@" > "$bench/recommend-$n-$label.json" 2> "$bench/recommend-$n-$label.time"
  printf '%s\t%s\t%s\t%s\n' "$n" "$label" "$(field "Elapsed (wall clock)" "$bench/recommend-$n-$label.time" | seconds)" \
    "$(field "Maximum resident" "$bench/recommend-$n-$label.time")"
}
printf 'fleet\trun\twall_s\tpeak_rss_kb\n'
run "one-$service" --service "$service"
run fleet
