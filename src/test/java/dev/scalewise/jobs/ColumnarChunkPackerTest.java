package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column-batch way of reading Parquet must give exactly the chunks the row way gives (same rows, values,
 * null bits, ordinals, splits and chunk cuts), for every type the contract accepts, nulls in every column,
 * dictionary-encoded and plain service columns, files read in several splits, and the pipeline's range and
 * service filters. Where it cannot read a dataset, it says so (and the row way is taken).
 */
class ColumnarChunkPackerTest {
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path tmp;

    @Test
    void requestsWithEveryAcceptedTypeAndNullsGiveTheRowWaysChunks() {
        SparkSession spark = SharedSpark.get();
        // the contract's types (timestamp, int, long, double) in one set of files, and the widened ones
        // (epoch-ms long, short seconds, int/float/short values) in another
        write(spark, requestsSchema(DataTypes.TimestampType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.LongType, DataTypes.DoubleType), "typed", true);
        write(spark, requestsSchema(DataTypes.LongType, DataTypes.ShortType, DataTypes.IntegerType,
                DataTypes.ShortType, DataTypes.FloatType), "widened", false);
        for (String variant : List.of("typed", "widened")) {
            LoadedDataset d = load(spark, variant, DatasetKind.REQUESTS);
            for (RowFilter f : filters()) {
                assertEquals(rowWay(d, f), columnarWay(d, f), variant + " " + f);
            }
        }
    }

    @Test
    void gpuRowsWithPodsAndNtzTimesGiveTheRowWaysChunks() {
        SparkSession spark = SharedSpark.get();
        StructType schema = new StructType().add("interval_start", DataTypes.TimestampNTZType)
                .add("interval_seconds", DataTypes.IntegerType).add("service", DataTypes.StringType)
                .add("pod", DataTypes.StringType).add("gpu_util", DataTypes.DoubleType)
                .add("mem_util", DataTypes.DoubleType); // cpu_util absent: null in every row
        Random rnd = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(RowFactory.create(java.time.LocalDateTime.ofEpochSecond((T0 / 1000) + 60L * (i / 3), 0,
                            java.time.ZoneOffset.UTC), 60, service(rnd, i), rnd.nextInt(5) == 0 ? null : "pod-" + (i % 3),
                    rnd.nextDouble(), rnd.nextInt(4) == 0 ? null : rnd.nextDouble()));
        }
        writeRows(spark, rows, schema, tmp.resolve("ntz/gpu").toString(), true);
        LoadedDataset d = load(spark, "ntz", DatasetKind.GPU);
        for (RowFilter f : filters()) {
            assertEquals(rowWay(d, f), columnarWay(d, f), f.toString());
        }
    }

    @Test
    void billingAndDecimalsAreLeftToTheRowWay() {
        SparkSession spark = SharedSpark.get();
        write(spark, requestsSchema(DataTypes.TimestampType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.LongType, DataTypes.createDecimalType(10, 2)), "decimal", true);
        assertTrue(load(spark, "decimal", DatasetKind.REQUESTS).batches().isEmpty(), "decimal replicas");
        write(spark, requestsSchema(DataTypes.TimestampType, DataTypes.IntegerType, DataTypes.LongType,
                DataTypes.LongType, DataTypes.DoubleType), "contract", true);
        assertFalse(load(spark, "contract", DatasetKind.REQUESTS).batches().isEmpty(), "the contract's own types");
        StructType billing = new StructType().add("ChargePeriodStart", DataTypes.TimestampType)
                .add("ChargePeriodEnd", DataTypes.TimestampType).add("EffectiveCost", DataTypes.DoubleType)
                .add("BilledCost", DataTypes.DoubleType).add("BillingCurrency", DataTypes.StringType)
                .add("Tags", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
        writeRows(spark, List.of(RowFactory.create(new Timestamp(T0), new Timestamp(T0 + 3_600_000), 1.0, 1.0, "USD",
                java.util.Map.of("service", "chat"))), billing,
                tmp.resolve("bill/billing").toString(), true);
        assertTrue(load(spark, "bill", DatasetKind.BILLING).batches().isEmpty(), "billing");
    }

    /** No filter; a range that cuts rows on both sides; a service list (one service, one that is absent). */
    private static List<RowFilter> filters() {
        return List.of(new RowFilter(Long.MIN_VALUE, Long.MAX_VALUE, Set.of()),
                new RowFilter(T0 + 100 * 60_000L, T0 + 700 * 60_000L, Set.of()),
                new RowFilter(Long.MIN_VALUE, T0 + 500 * 60_000L, Set.of("chat", "nobody")));
    }

    private static StructType requestsSchema(DataType time, DataType seconds, DataType requests, DataType errors,
                                             DataType replicas) {
        return new StructType().add("interval_start", time).add("interval_seconds", seconds)
                .add("service", DataTypes.StringType).add("requests", requests).add("errors", errors)
                .add("in_flight", DataTypes.DoubleType).add("replicas", replicas); // queue_depth absent
    }

    /** Three days of rows (one file each, written in 2 parts), with nulls in every column now and then. */
    private void write(SparkSession spark, StructType schema, String variant, boolean dictionary) {
        Random rnd = new Random(variant.hashCode());
        for (int day = 0; day < 3; day++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                long ms = T0 + day * 86_400_000L + 60_000L * (i / 2);
                Object[] v = new Object[schema.size()];
                for (int c = 0; c < v.length; c++) {
                    v[c] = rnd.nextInt(40) == 0 ? null : value(schema.fields()[c].dataType(), schema.fields()[c].name(), ms, rnd, i);
                }
                rows.add(RowFactory.create(v));
            }
            writeRows(spark, rows, schema, tmp.resolve(variant + "/requests/date=2026-01-0" + (day + 1)).toString(),
                    dictionary);
        }
    }

    private static Object value(DataType t, String name, long ms, Random rnd, int i) {
        if (name.equals("service")) {
            return service(rnd, i);
        }
        if (name.equals("interval_start")) {
            return t.equals(DataTypes.TimestampType) ? new Timestamp(ms) : (Object) ms;
        }
        if (name.equals("interval_seconds")) {
            return t.equals(DataTypes.IntegerType) ? (Object) 60 : (Object) (short) 60;
        }
        double x = rnd.nextDouble() * 100;
        if (t.equals(DataTypes.LongType)) {
            return (long) x;
        }
        if (t.equals(DataTypes.IntegerType)) {
            return (int) x;
        }
        if (t.equals(DataTypes.ShortType)) {
            return (short) x;
        }
        if (t.equals(DataTypes.FloatType)) {
            return (float) x;
        }
        if (t instanceof org.apache.spark.sql.types.DecimalType) {
            return java.math.BigDecimal.valueOf((long) (x * 100), 2);
        }
        return i % 97 == 0 ? Double.NaN : x; // NaN is a value, not a null
    }

    /** Mostly runs of one service, some switching row by row, now and then an empty name. */
    private static String service(Random rnd, int i) {
        if (i % 50 == 7) {
            return "";
        }
        return i % 300 < 200 ? List.of("chat", "embed", "rank").get(i / 300 % 3) : "s" + rnd.nextInt(4);
    }

    private static void writeRows(SparkSession spark, List<Row> rows, StructType schema, String path, boolean dictionary) {
        spark.createDataFrame(rows, schema).repartition(2).write().mode("overwrite")
                .option("parquet.enable.dictionary", dictionary).parquet(path);
    }

    private LoadedDataset load(SparkSession spark, String variant, DatasetKind kind) {
        return new DatasetReader(spark, tmp.resolve(variant).toString()).read(kind, "service", DatasetReader.Days.ALL)
                .orElseThrow();
    }

    private static List<String> rowWay(LoadedDataset d, RowFilter f) {
        return describe(withSmallSplits(d, () -> InputChunkPacker.pack(f.apply(d.canonical()))));
    }

    private static List<String> columnarWay(LoadedDataset d, RowFilter f) {
        return describe(withSmallSplits(d, () -> {
            ColumnarScan.Batches b = d.batches().orElseThrow(() -> new AssertionError("no column batches"));
            return b.rdd().mapPartitions(new ColumnarChunkPacker(b.layout(), f, InputChunkPacker.MAX_BUFFERED_ROWS,
                    CurrentSplit.spark()));
        }));
    }

    /**
     * Both ways plan their scan with the same small split size, so they read the same splits, several per
     * file (a batch never spans two).
     */
    private static JavaRDD<InputChunk> withSmallSplits(LoadedDataset d, java.util.function.Supplier<JavaRDD<InputChunk>> how) {
        SparkSession spark = d.source().sparkSession();
        String was = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "8192");
        try {
            JavaRDD<InputChunk> rdd = how.get();
            rdd.cache().count(); // planned and run while the setting holds
            return rdd;
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", was);
        }
    }

    private static List<String> describe(JavaRDD<InputChunk> chunks) {
        List<String> out = new ArrayList<>(chunks.map(c -> c.getService() + " | " + c.getDataset() + " | " + c.getFile()
                + " @" + c.getFileOffset() + " #" + c.getFirstOrdinal() + " x" + c.getRows() + " "
                + c.getPacked().length + ":" + Arrays.hashCode(c.getPacked()) + " " + Arrays.toString(c.getPods()) + " "
                + Arrays.toString(c.getCurrencies())).collect());
        out.sort(null);
        assertFalse(out.isEmpty());
        return out;
    }
}
