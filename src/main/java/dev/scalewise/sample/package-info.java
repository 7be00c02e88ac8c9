/**
 * The synthetic fleet behind {@code scalewise sample-data}: per-service profiles, a seasonal demand
 * model, pods with start-up lag scaled by the project's replayed HPA ({@code sim.autoscaler}) reading
 * the very manifest the sample documents, a fluid queue that turns load per ready replica into latency
 * (the ground truth the fitter is tested against, so it does not reuse the replay's model), and a
 * writer that lays the result out as the data contract's Parquet datasets (through the file writer its
 * caller hands in, {@code jobs.ParquetFiles}: Parquet needs Hadoop, which stays at the edge). Pure Java,
 * below the jobs and the CLI (arch.LayeringTest). Every random draw comes from a {@link java.util.SplittableRandom} seeded
 * per service, and the maths uses {@link StrictMath}, so one seed gives byte-identical files on any JVM.
 */
package dev.scalewise.sample;
