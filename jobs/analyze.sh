#!/usr/bin/env bash
# Nightly/ad-hoc `analyze` on any Spark master and any Hadoop path (file:, hdfs:, s3a:).
# Arguments are those of `scalewise analyze` (see docs/analyze.md), passed through unchanged:
#   jobs/analyze.sh --data s3a://bucket/exports --out s3a://bucket/analyze --from 2026-01-05 --to 2026-01-05
# Environment: SPARK_HOME (spark-submit on PATH otherwise), SPARK_MASTER (default local[*]),
# SPARK_SUBMIT_OPTS_EXTRA (extra spark-submit options, e.g. "--deploy-mode cluster --conf spark.executor.memory=4g"),
# SCALEWISE_JAR (default target/scalewise-0.1.0.jar next to this script).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SCALEWISE_JAR:-$home/target/scalewise-0.1.0.jar}"
submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"

if [ ! -f "$jar" ]; then
  echo "analyze.sh: $jar not found; build it with 'mvn -q -B package -DskipTests'" >&2
  exit 2
fi

# shellcheck disable=SC2086 # SPARK_SUBMIT_OPTS_EXTRA holds several options on purpose
exec "$submit" \
  --class dev.scalewise.jobs.AnalyzeJob \
  --master "${SPARK_MASTER:-local[*]}" \
  --conf spark.sql.session.timeZone=UTC \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  "$jar" "$@"
