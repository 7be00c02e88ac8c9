#!/usr/bin/env bash
# Runs one Scalewise job with spark-submit on any master and any Hadoop path (file:, hdfs:, s3a:).
#   jobs/submit.sh analyze|backtest|recommend|calibrate ARGS...
# ARGS are those of `scalewise JOB` (cli/scalewise JOB --help): spark-submit starts the CLI's own Main with
# JOB ARGS, exactly as the launcher does.
# Environment: SPARK_HOME (else spark-submit from PATH), SPARK_MASTER (default local[*]),
# SPARK_SUBMIT_OPTS_EXTRA (more spark-submit options, e.g. "--deploy-mode cluster --conf spark.executor.memory=4g"),
# SCALEWISE_JAR (default target/scalewise-0.1.0.jar of this checkout: our code and our own dependencies;
# Spark comes from the cluster). Spark 3.3+ adds the Java 17 --add-opens flags itself.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${SCALEWISE_JAR:-$home/target/scalewise-0.1.0.jar}"
submit="${SPARK_HOME:+$SPARK_HOME/bin/}spark-submit"

case "${1:-}" in
  analyze|backtest|recommend|calibrate) ;;
  *) echo "usage: jobs/submit.sh analyze|backtest|recommend|calibrate ARGS..." >&2; exit 2 ;;
esac

if [ ! -f "$jar" ]; then
  echo "submit.sh: $jar not found; build it with 'mvn -q -B package -DskipTests'" >&2
  exit 2
fi

# shellcheck disable=SC2086 # SPARK_SUBMIT_OPTS_EXTRA holds several options on purpose
exec "$submit" \
  --class dev.scalewise.cli.Main \
  --master "${SPARK_MASTER:-local[*]}" \
  --conf spark.sql.session.timeZone=UTC \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  "$jar" "$@"
