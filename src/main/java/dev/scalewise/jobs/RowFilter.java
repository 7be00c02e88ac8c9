package dev.scalewise.jobs;

import dev.scalewise.data.InputBlock;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The pipeline's row filters, in both of its reading ways: rows overlapping [fromMs, toMs) (MIN/MAX: no
 * bound; rows without a time pass, they are counted as bad later) and rows of the given services (empty:
 * all; a null service is in no list). {@link #apply} says it to Spark for canonical rows, {@link #keeps}
 * to the column-batch packer; ColumnarChunkPackerTest holds the two to the same rows.
 */
record RowFilter(long fromMs, long toMs, Set<String> services) implements Serializable {
    RowFilter {
        services = Set.copyOf(services);
    }

    static RowFilter of(ServicePipeline.Settings s) {
        return new RowFilter(s.fromMs(), s.toMs(), Set.copyOf(s.services()));
    }

    boolean ranged() {
        return fromMs != Long.MIN_VALUE || toMs != Long.MAX_VALUE;
    }

    /** Canonical rows ({@link CanonicalRows#SCHEMA}) that pass, filtered before the packing and the shuffle. */
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

    /** Whether a row passes; {@code service} is null when the source had none. */
    boolean keeps(UTF8String service, long startMs, long endMs) {
        if (ranged() && startMs != InputBlock.UNKNOWN_TIME && endMs != InputBlock.UNKNOWN_TIME
                && !(endMs > fromMs && startMs < toMs)) {
            return false;
        }
        return services.isEmpty() || (service != null && services.contains(service.toString()));
    }
}
