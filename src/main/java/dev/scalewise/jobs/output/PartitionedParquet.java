package dev.scalewise.jobs.output;

import dev.scalewise.UserError;
import dev.scalewise.jobs.ParquetFiles;
import dev.scalewise.jobs.ingest.SparkErrors;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stages a job's rows as Parquet partitioned by one column (date=YYYY-MM-DD) in an {@link OutputDir}, each
 * partition one entry of the next commit. The bytes depend on the rows alone: one file per partition named
 * part-00000.parquet (not Spark's part-NNNNN-RUNID-c000.snappy.parquet), rows sorted on every column,
 * and each footer's encodings in one order ({@link ParquetFiles#sortFooterEncodings}); the rest of the
 * footer is what the schema and the library versions fix. A re-run of the same days writes the same bytes.
 */
public final class PartitionedParquet {
    static final String FILE = "part-00000.parquet";

    private PartitionedParquet() {
    }

    /** Stages {@code rows} as OUT/{@code dataset}/COLUMN=VALUE/ ("" for OUT itself); returns the partitions. */
    public static List<String> stage(OutputDir out, String dataset, Dataset<Row> rows, String partitionColumn) {
        Path target = out.staging(dataset);
        try {
            SparkErrors.translate(() -> {
                byPartition(rows, partitionColumn).write().mode(SaveMode.ErrorIfExists)
                        .partitionBy(partitionColumn).parquet(target.toString());
                return null;
            });
            FileSystem fs = out.fileSystem();
            List<String> partitions = new ArrayList<>();
            FileStatus[] children = fs.listStatus(target);
            Arrays.sort(children);
            for (FileStatus p : children) {
                String name = p.getPath().getName();
                if (!p.isDirectory() || !name.startsWith(partitionColumn + "=")) {
                    continue;
                }
                List<Path> files = new ArrayList<>();
                for (FileStatus f : fs.listStatus(p.getPath())) {
                    String n = f.getPath().getName();
                    if (f.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
                        files.add(f.getPath());
                    }
                }
                if (files.size() != 1) {
                    throw new IllegalStateException("expected one file in " + p.getPath() + ", found " + files);
                }
                rewrite(fs, files.get(0), new Path(p.getPath(), FILE));
                String entry = dataset.isEmpty() ? name : dataset + "/" + name;
                out.staged(entry);
                partitions.add(name);
            }
            return partitions;
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The file under its fixed name, with its footer's encodings in one order (ParquetFiles). */
    private static void rewrite(FileSystem fs, Path from, Path to) throws IOException {
        byte[] bytes;
        try (FSDataInputStream in = fs.open(from)) {
            bytes = in.readAllBytes();
        }
        try (FSDataOutputStream o = fs.create(to, false)) {
            o.write(ParquetFiles.sortFooterEncodings(bytes));
        }
        fs.delete(from, false);
    }

    /**
     * All rows of a partition value in one task, so each value is one file instead of one per upstream
     * task (a backtest's 4 tasks x 30 days made 120 small files, ~90 ms each to open, write and commit),
     * sorted on every column so a file's row order does not depend on the order the shuffle delivers them.
     * An explicit task count: adaptive execution would coalesce a few MB into a single task.
     */
    private static Dataset<Row> byPartition(Dataset<Row> rows, String partitionColumn) {
        Column[] all = Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new);
        return rows.repartition(rows.sparkSession().sparkContext().defaultParallelism(), functions.col(partitionColumn))
                .sortWithinPartitions(all);
    }
}
