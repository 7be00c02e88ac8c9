#!/usr/bin/env bash
# `scalewise analyze` under spark-submit; see jobs/submit.sh for the environment it reads. Example:
#   SPARK_MASTER=yarn jobs/analyze.sh --data s3a://bucket/exports --out s3a://bucket/analyze
exec "$(dirname "${BASH_SOURCE[0]}")/submit.sh" analyze "$@"
