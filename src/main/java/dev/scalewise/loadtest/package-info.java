/**
 * Load-test results as points of a latency-vs-load curve (docs/replay.md, "Stating capacity"): vLLM's
 * {@code benchmark_serving} result JSON, Locust's {@code *_stats.csv}, k6's summary JSON. Pure Java: reads
 * bytes handed to it (the caller resolves files), never Spark, {@code jobs} or {@code cli}.
 */
package dev.scalewise.loadtest;
