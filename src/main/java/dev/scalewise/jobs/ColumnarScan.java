package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.jobs.ColumnarChunkPacker.Layout;
import dev.scalewise.jobs.ColumnarChunkPacker.Read;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.InputAdapter;
import org.apache.spark.sql.execution.ProjectExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * A Parquet dataset's scan as Spark's column batches, for {@link ColumnarChunkPacker} (docs/decisions.md
 * D14). The public way to read it, a plan ending in rows, converts every batch to rows first, which the
 * packer would only take apart again. This asks the physical plan for its file scan and runs that alone
 * ({@code SparkPlan.executeColumnar}), an execution-layer API that is public in the bytecode but not a
 * stable interface: it is used only when the plan is exactly a scan (and the row conversion Spark puts on
 * top), every column's type is one the packer reads, and the scan gives batches; otherwise the dataset
 * goes the row way, and {@code ColumnarChunkPackerTest} holds both ways to the same chunks.
 */
final class ColumnarScan {
    private ColumnarScan() {
    }

    /** The batches and where the packer finds each canonical column in them; empty when not possible. */
    record Batches(JavaRDD<ColumnarBatch> rdd, Layout layout) {
    }

    static Optional<Batches> of(DatasetKind kind, Dataset<Row> source) {
        if (kind == DatasetKind.BILLING) {
            return Optional.empty(); // the service is a tag in a map column; a few rows per hour: rows will do
        }
        StructType types = source.schema();
        List<String> names = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        boolean utc = ZoneId.of(source.sparkSession().conf().get("spark.sql.session.timeZone")).normalized()
                .equals(ZoneOffset.UTC);
        if (!need(types, "service", names, reads, ColumnarScan::textRead)
                || !need(types, "interval_start", names, reads, t -> timeRead(t, utc))
                || !need(types, "interval_seconds", names, reads, ColumnarScan::integerRead)) {
            return Optional.empty();
        }
        List<DatasetKind.ValueColumn> columns = kind.columns();
        for (DatasetKind.ValueColumn c : columns) {
            if (SchemaCheck.find(types, c.name()).isPresent() && !need(types, c.name(), names, reads, ColumnarScan::numberRead)) {
                return Optional.empty();
            }
        }
        boolean pods = kind == DatasetKind.GPU && SchemaCheck.find(types, "pod").isPresent();
        if (pods && !need(types, "pod", names, reads, ColumnarScan::textRead)) {
            return Optional.empty();
        }
        Dataset<Row> pruned = source.select(names.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new));
        Optional<FileSourceScanExec> scan = soleScan(pruned.queryExecution().executedPlan());
        if (scan.isEmpty() || !scan.get().supportsColumnar()) {
            return Optional.empty();
        }
        Map<String, Integer> at = new HashMap<>();
        scala.collection.Iterator<Attribute> out = scan.get().output().iterator();
        for (int i = 0; out.hasNext(); i++) {
            at.putIfAbsent(out.next().name(), i);
        }
        if (!at.keySet().containsAll(names)) {
            return Optional.empty();
        }
        int[] valueAt = new int[columns.size()];
        Read[] valueReads = new Read[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int k = names.indexOf(columns.get(c).name());
            valueAt[c] = k < 0 ? -1 : at.get(names.get(k));
            valueReads[c] = k < 0 ? Read.ABSENT : reads.get(k);
        }
        Layout layout = new Layout(kind, at.get("service"), at.get("interval_start"), reads.get(names.indexOf("interval_start")),
                at.get("interval_seconds"), reads.get(names.indexOf("interval_seconds")), valueAt, valueReads,
                pods ? at.get("pod") : -1);
        return Optional.of(new Batches(scan.get().executeColumnar().toJavaRDD(), layout));
    }

    private interface Reads {
        /** How the packer reads a column of this type; null when it cannot. */
        Read of(DataType t);
    }

    private static boolean need(StructType types, String name, List<String> names, List<Read> reads, Reads how) {
        Optional<StructField> f = SchemaCheck.find(types, name);
        Read r = f.map(x -> how.of(x.dataType())).orElse(null);
        if (r == null) {
            return false;
        }
        names.add(name);
        reads.add(r);
        return true;
    }

    /** As CanonicalRows.epochMillis: Timestamp and (in a UTC session) TimestampNTZ as micros, Long as ms. */
    private static Read timeRead(DataType t, boolean utcSession) {
        if (t.equals(DataTypes.TimestampType) || (utcSession && t.equals(DataTypes.TimestampNTZType))) {
            return Read.MICROS;
        }
        return t.equals(DataTypes.LongType) ? Read.LONG : null;
    }

    private static Read textRead(DataType t) {
        return t.equals(DataTypes.StringType) ? Read.TEXT : null;
    }

    private static Read integerRead(DataType t) {
        if (t.equals(DataTypes.LongType)) {
            return Read.LONG;
        }
        if (t.equals(DataTypes.IntegerType)) {
            return Read.INT;
        }
        if (t.equals(DataTypes.ShortType)) {
            return Read.SHORT;
        }
        return t.equals(DataTypes.ByteType) ? Read.BYTE : null;
    }

    /** Decimals go the row way (Spark's own rounding to double). */
    private static Read numberRead(DataType t) {
        if (t.equals(DataTypes.DoubleType)) {
            return Read.DOUBLE;
        }
        return t.equals(DataTypes.FloatType) ? Read.FLOAT : integerRead(t);
    }

    /**
     * The file scan when the plan is nothing else: the scan, Spark's conversion of its batches to rows,
     * and projections of plain columns. A filter the scan does not apply itself, or any other node, means
     * its batches are not the dataset's rows.
     */
    static Optional<FileSourceScanExec> soleScan(SparkPlan plan) {
        if (plan instanceof FileSourceScanExec s) {
            return Optional.of(s);
        }
        boolean passThrough = plan instanceof WholeStageCodegenExec || plan instanceof InputAdapter
                || plan instanceof ColumnarToRowExec
                || (plan instanceof ProjectExec p && plainColumns(p.projectList()));
        if (!passThrough || plan.children().size() != 1) {
            return Optional.empty();
        }
        return soleScan(plan.children().head());
    }

    private static boolean plainColumns(scala.collection.Seq<NamedExpression> list) {
        scala.collection.Iterator<NamedExpression> it = list.iterator();
        while (it.hasNext()) {
            if (!(it.next() instanceof Attribute)) {
                return false;
            }
        }
        return true;
    }
}
