package dev.scalewise.jobs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * What is read: rows overlapping [fromMs, toMs) (MIN/MAX: no bound; rows without a time pass, they are
 * counted as bad later) and rows of the given services (empty: all; a null service is in no list), said
 * to Spark on the canonical rows so they are filtered before the packing and the shuffle.
 */
public record RowFilter(long fromMs, long toMs, Set<String> services) implements Serializable {
    public RowFilter {
        services = Set.copyOf(services);
    }

    /** Every row of every service. */
    public static final RowFilter ALL = new RowFilter(Long.MIN_VALUE, Long.MAX_VALUE, Set.of());

    boolean ranged() {
        return fromMs != Long.MIN_VALUE || toMs != Long.MAX_VALUE;
    }

    /** The filter in words for a message: " from 2026-01-05T00:00:00Z to ... for services a, b", or "". */
    public String inWords() {
        return (fromMs == Long.MIN_VALUE ? "" : " from " + java.time.Instant.ofEpochMilli(fromMs))
                + (toMs == Long.MAX_VALUE ? "" : " to " + java.time.Instant.ofEpochMilli(toMs))
                + (services.isEmpty() ? "" : " for " + String.join(", ", new java.util.TreeSet<>(services)));
    }

    /** Canonical rows ({@link CanonicalRows#SCHEMA}) that pass. */
    Dataset<Row> apply(Dataset<Row> canonical) {
        Dataset<Row> c = canonical;
        if (ranged()) {
            c = c.filter(col("start_ms").isNull().or(col("end_ms").isNull())
                    .or(col("end_ms").gt(fromMs).and(col("start_ms").lt(toMs))));
        }
        if (!services.isEmpty()) {
            // Parquet may also skip row groups on the column's stats
            c = c.filter(col("service").isin(services.toArray()));
        }
        return c;
    }
}
