/**
 * The Spark side: reading and checking the exports ({@link dev.scalewise.jobs.DatasetReader}), the
 * shared "read, validate, align per service in executors, call the core" path
 * ({@link dev.scalewise.jobs.ServicePipeline}), atomic partitioned output, and the jobs with their
 * {@code main} for spark-submit. The only package that imports org.apache.spark; it calls the pure-Java
 * core (data, sim, ...) inside executors and never collects the fleet on the driver.
 */
package dev.scalewise.jobs;
