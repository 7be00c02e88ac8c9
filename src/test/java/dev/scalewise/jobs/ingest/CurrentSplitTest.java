package dev.scalewise.jobs.ingest;

import dev.scalewise.jobs.SharedSpark;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link split} reads a Spark-internal holder: on the Spark version the build pins, for
 * every row it must name the split the row's public {@code _metadata} columns name, path spelled the
 * same (here with a space and a percent sign in it), including files split in several parts.
 */
class CurrentSplitTest {
    @TempDir
    Path tmp;

    @Test
    void parquetRowsOfSeveralFilesSeeTheirOwnFile() {
        SparkSession spark = SharedSpark.get();
        Path dir = tmp.resolve("odd dir%41");
        for (int day = 1; day <= 3; day++) {
            spark.range(0, 500L * day).toDF("v").repartition(2)
                    .write().parquet(dir.resolve("date=2026-01-0" + day).toString());
        }
        List<String> mismatches = mismatches(spark.read().parquet(dir.toString()));
        assertEquals(List.of(), mismatches);
    }

    @Test
    void csvFilesReadInSeveralSplitsSeeTheirSplit() throws Exception {
        SparkSession spark = SharedSpark.get();
        Path dir = Files.createDirectories(tmp.resolve("csv dir"));
        StringBuilder csv = new StringBuilder("v\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(dir.resolve("a.csv"), csv);
        Files.writeString(dir.resolve("b%20c.csv"), csv);
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "4096");
        try {
            Dataset<Row> df = spark.read().option("header", "true").csv(dir.toString());
            assertTrue(df.select(col("_metadata.file_block_start")).distinct().count() > 2, "files split in parts");
            assertEquals(List.of(), mismatches(df));
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
    }

    /** Rows whose CurrentSplit differs from their own _metadata.file_path / file_block_start. */
    private static List<String> mismatches(Dataset<Row> df) {
        Dataset<Row> withMeta = df.select(col("_metadata.file_path"), col("_metadata.file_block_start"));
        List<String> out = withMeta.sparkSession().createDataset(withMeta.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(new Compare()).rdd(), Encoders.STRING()).collectAsList();
        return out;
    }

    private static final class Compare implements FlatMapFunction<Iterator<InternalRow>, String> {
        @Override
        public Iterator<String> call(Iterator<InternalRow> rows) {
            List<String> bad = new ArrayList<>();
            CurrentSplit split = CurrentSplit.spark();
            while (rows.hasNext()) {
                InternalRow r = rows.next();
                String path = r.getUTF8String(0).toString();
                long offset = r.getLong(1);
                if (!split.path().toString().equals(path) || split.offset() != offset) {
                    bad.add(path + "@" + offset + " vs " + split.path() + "@" + split.offset());
                }
            }
            return bad.iterator();
        }
    }
}
