package dev.scalewise.jobs;

import dev.scalewise.cli.Main;
import dev.scalewise.jobs.ingest.SchemaCheck;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

/**
 * The Spark tests' one helper: the local[2] Spark session all Spark test classes share (started once per
 * test JVM, never stopped: the CLI joins it instead of starting its own), DataFrame assertions, and
 * helpers to run the CLI in-process and to turn CSV fixtures into Parquet of the contract's types. Tests
 * use no Spark testing library directly: rows are compared by {@link RowEquality}, spark-testing-base's
 * rule in the Spark 3.5 build and our own in the Spark 4 build (docs/decisions.md D20).
 */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("scalewise-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.ansi.enabled", "false") // as SparkSessions: Spark 4's default is true
                    .getOrCreate();
        }
        return spark;
    }

    /**
     * Same column names and types (nullability aside), the same number of rows, and row i of one the same
     * as row i of the other, floating-point values within {@code tolerance} (absolute): order the frames
     * first. Collects both, so it is for test-sized frames.
     */
    static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        List<String> want = columns(expected.schema());
        List<String> got = columns(actual.schema());
        if (!want.equals(got)) {
            throw new AssertionError("columns differ: expected " + want + " but was " + got);
        }
        List<Row> e = expected.collectAsList();
        List<Row> a = actual.collectAsList();
        if (e.size() != a.size()) {
            throw new AssertionError("row counts differ: expected " + e.size() + " but was " + a.size());
        }
        List<String> unequal = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (!sameRow(e.get(i), a.get(i), tolerance)) {
                unequal.add("row " + i + ": expected " + e.get(i) + "\n        but was " + a.get(i));
            }
        }
        if (!unequal.isEmpty()) {
            throw new AssertionError(unequal.size() + " of " + e.size() + " rows differ (tolerance " + tolerance
                    + "):\n" + String.join("\n", unequal.subList(0, Math.min(10, unequal.size()))));
        }
    }

    /** One row against another by {@link #assertSameRows}'s rule ({@link RowEquality}, per Spark line). */
    static boolean sameRow(Row expected, Row actual, double tolerance) {
        return RowEquality.approxEquals(expected, actual, tolerance);
    }

    private static List<String> columns(StructType schema) {
        List<String> out = new ArrayList<>();
        for (StructField f : schema.fields()) {
            out.add(f.name() + ":" + f.dataType().simpleString());
        }
        return out;
    }

    public record CliRun(int code, String out, String err) {
    }

    /** Runs `scalewise ARGS` in this JVM (against the shared session), capturing stdout and stderr. */
    public static synchronized CliRun cli(String... args) {
        get();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Reads DIR/<dataset>/*.csv and writes it as one Parquet file with the contract's types. */
    public static Dataset<Row> typedCsv(Path csvDataDir, String dataset) {
        Dataset<Row> csv = get().read().option("header", "true").option("escape", "\"")
                .csv(csvDataDir.resolve(dataset).toString());
        List<Column> cols = new ArrayList<>();
        List<String> present = List.of(csv.columns());
        for (SchemaCheck.ColumnSpec c : SchemaCheck.columns(dev.scalewise.data.Datasets.schema(dataset))) {
            if (!present.contains(c.name())) {
                continue; // an optional column the fixture leaves out (the LLM columns)
            }
            Column v = col(c.name());
            cols.add((switch (c.expected()) {
                case TIMESTAMP -> v.cast("timestamp");
                case INT -> v.cast("int");
                case LONG -> v.cast("long");
                case DOUBLE -> v.cast("double");
                case STRING -> v.cast("string");
                case MAP -> from_json(v, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
            }).as(c.name()));
        }
        return csv.select(cols.toArray(Column[]::new));
    }

    public static void writeParquet(Dataset<Row> df, Path dir) {
        df.coalesce(1).write().parquet(dir.toString());
    }

    /** A copy of the directory tree {@code from} at {@code to} (test fixtures and earlier outputs). */
    public static Path copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
