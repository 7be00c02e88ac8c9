#!/usr/bin/env bash
# `import prometheus` scale benchmark (issue 19; results and method in docs/BENCHMARKS.md).
#   jobs/bench/import-scale.sh [SERVICES] [PARALLEL...]     default: 100 services, --parallel 1 and 4
# Generates `sample-data --services N --days 30 --step 60s --seed 1` (reused when there), loads its series
# (vLLM, DCGM, kube-state-metrics, cAdvisor: FleetExposition) into a loopback VictoriaMetrics (Debian
# package), then imports the 30 days back and prints wall time, the time spent waiting for the server and
# the number of HTTP requests. Everything goes to $BENCH_DIR (default /tmp/scalewise-bench).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bench="${BENCH_DIR:-/tmp/scalewise-bench}"
n="${1:-100}"; shift || true
parallel=("$@"); [ ${#parallel[@]} -eq 0 ] && parallel=(1 4)
mkdir -p "$bench"
fleet="$bench/fleet-$n"
if [ ! -f "$fleet/services.yaml" ]; then
  "$repo/cli/scalewise" sample-data --services "$n" --days 30 --step 60s --seed 1 --out "$fleet" --force > /dev/null
fi
cd "$repo"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx6g $(cat target/jvm-flags.txt 2>/dev/null || true) -cp "$cp" dev.scalewise.bench.ImportBench "$fleet" "$bench/import-$n" "${parallel[@]}"
