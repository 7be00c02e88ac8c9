/**
 * The synthetic fleet behind {@code scalewise sample-data}: per-service profiles, a seasonal demand
 * model, an imitation of the Kubernetes HPA legacy controller with pod start-up lag, a fluid queue that
 * turns load per ready replica into latency, and a writer that lays the result out as the data
 * contract's Parquet datasets (parquet-avro, no Spark). Pure Java: this package must not import
 * org.apache.spark, {@code dev.scalewise.jobs} or {@code dev.scalewise.cli}. Every random draw comes
 * from a {@link java.util.SplittableRandom} seeded per service, and the maths uses {@link StrictMath},
 * so one seed gives byte-identical files on any JVM.
 */
package dev.scalewise.sample;
