package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Optional;

/**
 * One input dataset, checked against its schema and mapped onto the reader's canonical row
 * ({@link CanonicalRows#SCHEMA}).
 *
 * @param location the directory it was read from
 * @param format   "parquet" or "csv"
 * @param source   the dataset as read (its date= partitions pruned), which {@link ColumnarScan} may read as
 *                 column batches instead of the canonical rows
 */
public record LoadedDataset(DatasetKind kind, String location, String format, Dataset<Row> source,
                            Dataset<Row> canonical) {
    /** The input Spark reads column by column: Parquet, and not billing (see {@link ColumnarScan}). */
    Optional<ColumnarScan.Batches> batches() {
        return format.equals("parquet") ? ColumnarScan.of(kind, source) : Optional.empty();
    }
}
