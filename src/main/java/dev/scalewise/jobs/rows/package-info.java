/**
 * The mapping between the core's records and Spark rows, both ways: the output schemas (the columns of
 * the Parquet results and of the tables the CLI prints), a service's results as rows inside an
 * executor, and rows read back on the driver as core records.
 */
package dev.scalewise.jobs.rows;
