package dev.scalewise.jobs;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartitionedWriterTest {
    private static final StructType SCHEMA = new StructType().add("date", DataTypes.StringType)
            .add("value", DataTypes.LongType);

    @Test
    void aRunThatFailsWhileWritingLeavesEarlierResultsIntact(@TempDir Path tmp) throws Exception {
        var spark = SharedSpark.get();
        Path out = tmp.resolve("out");
        Dataset<Row> first = spark.createDataFrame(List.of(RowFactory.create("2026-01-05", 1L)), SCHEMA);
        assertEquals(List.of("date=2026-01-05"), PartitionedWriter.write(spark, first, out.toString(), "date"));
        List<Path> before = tree(out);

        // the second run would replace 2026-01-05 but fails in an executor half-way through writing
        Dataset<Row> failing = spark.createDataFrame(List.of(RowFactory.create("2026-01-05", 2L),
                        RowFactory.create("2026-01-06", -1L)), SCHEMA)
                .map((MapFunction<Row, Row>) r -> {
                    if (r.getLong(1) < 0) {
                        throw new IllegalStateException("boom");
                    }
                    return r;
                }, Encoders.row(SCHEMA));
        assertThrows(Exception.class, () -> PartitionedWriter.write(spark, failing, out.toString(), "date"));

        assertEquals(before, tree(out)); // same files, no temp directory left behind
        assertEquals(1L, spark.read().parquet(out.toString()).first().getLong(0));
    }

    private static List<Path> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(dir::relativize).sorted().toList();
        }
    }
}
