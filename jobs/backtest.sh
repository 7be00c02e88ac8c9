#!/usr/bin/env bash
# `scalewise backtest` under spark-submit; see jobs/submit.sh for the environment it reads. Example:
#   SPARK_MASTER=yarn jobs/backtest.sh --data s3a://bucket/exports --policies policies --out s3a://bucket/backtest
exec "$(dirname "${BASH_SOURCE[0]}")/submit.sh" backtest "$@"
