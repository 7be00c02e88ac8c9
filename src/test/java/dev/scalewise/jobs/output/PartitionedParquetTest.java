package dev.scalewise.jobs.output;

import dev.scalewise.jobs.SharedSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionedParquetTest {
    private static final StructType SCHEMA = new StructType().add("date", DataTypes.StringType)
            .add("value", DataTypes.LongType);

    private static List<String> write(Path out, Dataset<Row> rows) {
        OutputDir dir = OutputDir.open(new Configuration(), out.toString(), out.resolveSibling("input").toString());
        List<String> days = PartitionedParquet.stage(dir, "results", rows, "date");
        dir.commit();
        return days;
    }

    @Test
    void aRunThatFailsWhileWritingLeavesEarlierResultsIntact(@TempDir Path tmp) throws Exception {
        var spark = SharedSpark.get();
        Path out = tmp.resolve("out");
        Dataset<Row> first = spark.createDataFrame(List.of(RowFactory.create("2026-01-05", 1L)), SCHEMA);
        assertEquals(List.of("date=2026-01-05"), write(out, first));
        Map<String, String> before = CommitKillTest.tree(out);

        // the second run would replace 2026-01-05 but fails in an executor half-way through writing
        Dataset<Row> failing = spark.createDataFrame(List.of(RowFactory.create("2026-01-05", 2L),
                        RowFactory.create("2026-01-06", -1L)), SCHEMA)
                .map((MapFunction<Row, Row>) r -> {
                    if (r.getLong(1) < 0) {
                        throw new IllegalStateException("boom");
                    }
                    return r;
                }, Encoders.row(SCHEMA));
        assertThrows(Exception.class, () -> write(out, failing));

        OutputDir.recover(new Configuration(), out.toString()); // what the next run does first
        assertEquals(before, CommitKillTest.tree(out));
        assertFalse(Files.exists(out.resolve(OutputDir.STATE)));
        assertEquals(1L, spark.read().parquet(out.resolve("results").toString()).first().getLong(0));
    }

    /** The same rows give the same bytes under the same name: no run id, rows in one order, footer in one order. */
    @Test
    void theSameRowsWriteTheSameBytes(@TempDir Path tmp) throws Exception {
        var spark = SharedSpark.get();
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(RowFactory.create("2026-01-0" + (5 + i % 3), (long) (i * 7919 % 1000)));
        }
        write(tmp.resolve("a"), spark.createDataFrame(rows, SCHEMA));
        java.util.Collections.reverse(rows);
        write(tmp.resolve("b"), spark.createDataFrame(rows, SCHEMA).repartition(3));
        Map<String, String> a = CommitKillTest.tree(tmp.resolve("a"));
        assertEquals(a, CommitKillTest.tree(tmp.resolve("b")));
        assertEquals(List.of("results/date=2026-01-05/.part-00000.parquet.crc", "results/date=2026-01-05/part-00000.parquet"),
                a.keySet().stream().filter(k -> k.contains("2026-01-05")).sorted().toList());
    }
}
