package dev.scalewise.jobs;

import dev.scalewise.cli.Main;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

/**
 * The one local[2] Spark session all Spark test classes share (started once per test JVM, never
 * stopped: the CLI joins it instead of starting its own), plus helpers to run the CLI in-process and to
 * turn CSV fixtures into Parquet of the contract's types.
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
                    .getOrCreate();
        }
        return spark;
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
        for (SchemaCheck.ColumnSpec c : SchemaCheck.columns(dev.scalewise.data.Datasets.schema(dataset))) {
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
}
