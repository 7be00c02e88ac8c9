package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input dataset, checked against its schema and mapped onto the reader's canonical row
 * ({@link CanonicalRows#SCHEMA}).
 *
 * @param location the directory it was read from
 * @param format   "parquet" or "csv"
 * @param source   the dataset as read (its date= partitions pruned)
 */
public record LoadedDataset(DatasetKind kind, String location, String format, Dataset<Row> source,
                            Dataset<Row> canonical) {
}
