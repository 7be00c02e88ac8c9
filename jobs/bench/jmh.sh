#!/usr/bin/env bash
# Runs the JMH benchmarks in src/test/java/dev/scalewise/bench on the test classpath.
#   jobs/bench/jmh.sh HpaReplayBench                  # the issue-4 kernel benchmark
#   jobs/bench/jmh.sh HpaReplayBench -prof gc         # plus allocation per op
#   jobs/bench/jmh.sh RecommendBench -f1 -wi 1 -i 3   # any JMH options after the pattern
# With no argument it lists the benchmarks. Results: docs/BENCHMARKS.md. The forks get the replay kernel's
# JIT flags, as cli/scalewise and jobs/submit.sh give them to the product (docs/decisions.md D15);
# JMH_KERNEL_JIT=off leaves them out.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ $# -eq 0 ]; then
  exec java -cp "$cp" org.openjdk.jmh.Main -l
fi
kernel_jit=()
if [ "${JMH_KERNEL_JIT:-on}" != off ]; then
  kernel_jit=(-jvmArgsAppend "$(cat src/launcher/kernel-jit-flags.txt)")
fi
exec java ${JMH_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main "$@" "${kernel_jit[@]}"
