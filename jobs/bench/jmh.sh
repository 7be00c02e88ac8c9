#!/usr/bin/env bash
# Runs the JMH benchmarks in src/test/java/dev/scalewise/bench on the test classpath.
#   jobs/bench/jmh.sh HpaReplayBench                  # the issue-4 kernel benchmark
#   jobs/bench/jmh.sh HpaReplayBench -prof gc         # plus allocation per op
#   jobs/bench/jmh.sh RecommendBench -f1 -wi 1 -i 3   # any JMH options after the pattern
# With no argument it lists the benchmarks. Results: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ $# -eq 0 ]; then
  exec java -cp "$cp" org.openjdk.jmh.Main -l
fi
exec java ${JMH_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main "$@"
