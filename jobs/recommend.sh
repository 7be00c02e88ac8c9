#!/usr/bin/env bash
# `scalewise recommend` under spark-submit; see jobs/submit.sh for the environment it reads. Example:
#   SPARK_MASTER=yarn jobs/recommend.sh --data s3a://bucket/exports --policies policies --out s3a://bucket/recommend
exec "$(dirname "${BASH_SOURCE[0]}")/submit.sh" recommend "$@"
