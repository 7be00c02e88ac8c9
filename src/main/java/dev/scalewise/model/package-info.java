/**
 * What a service's history says about one replica: the latency-vs-load curve and the capacity per
 * replica where it meets the SLO, signal curves (GPU/CPU/memory utilization, concurrency, queue depth
 * vs load per replica), startup time and price per replica-hour. Every fitted number is a
 * {@link dev.scalewise.model.Fitted} carrying its sample size and confidence. Pure Java: imports
 * {@code data} and {@code policy} only, never Spark, {@code sim}, {@code jobs} or {@code cli}.
 */
package dev.scalewise.model;
