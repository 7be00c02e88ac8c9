#!/usr/bin/env bash
# HTML report size and time (issue 20; docs/BENCHMARKS.md): `report` over a generated fleet's observed
# policies, N services x DAYS days, under /usr/bin/time -v with the driver heap capped at 2 GB.
#   jobs/bench/report-size.sh [N] [DAYS]      default: 100 services x 90 days
# The fleet is generated once into $BENCH_DIR (default /tmp/scalewise-bench) and reused; the report goes
# there too, never into the repository. Prints: services, days, policies, report bytes, wall s, peak RSS.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/scalewise-bench}"
n="${1:-100}"
days="${2:-90}"
fleet="$bench/fleet-$n-$days"
mkdir -p "$bench"
export SCALEWISE_JAVA_OPTS="${SCALEWISE_JAVA_OPTS:--Xmx2g}"
field() { grep -F "$1" "$2" | sed 's/.*: //'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
if [ ! -f "$fleet/services.yaml" ]; then
  "$repo/cli/scalewise" sample-data --services "$n" --days "$days" --step 60s --seed 1 --out "$fleet" --force >&2
fi
out="$bench/report-$n-$days.html"
/usr/bin/time -v "$repo/cli/scalewise" report --data "$fleet" --policies "$fleet/policies" \
  --services "$fleet/services.yaml" --out "$out" 2> "$bench/report-$n-$days.time"
policies=$(grep -c '^kind:' "$fleet"/policies/*.yaml | awk -F: '{ s += $2 } END { print s }')
printf 'services\tdays\tpolicies\treport_bytes\twall_s\tpeak_rss_kb\n'
printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$days" "$policies" "$(stat -c %s "$out")" \
  "$(field "Elapsed (wall clock)" "$bench/report-$n-$days.time" | seconds)" \
  "$(field "Maximum resident" "$bench/report-$n-$days.time")"
