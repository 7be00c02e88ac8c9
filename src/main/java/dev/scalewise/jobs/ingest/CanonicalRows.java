package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputBlock;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

/**
 * The one row shape all four datasets are mapped to before grouping by service, so a single
 * grouping by service brings a service's requests, latency, gpu and billing rows together (packed into
 * {@link InputChunk}s first).
 */
final class CanonicalRows {
    static final StructType SCHEMA;

    static {
        StructType s = new StructType()
                .add("dataset", DataTypes.IntegerType, false)
                .add("service", DataTypes.StringType, true)
                .add("start_ms", DataTypes.LongType, true)
                .add("end_ms", DataTypes.LongType, true)
                .add("ordinal", DataTypes.LongType, false)
                .add("pod", DataTypes.StringType, true);
        for (int i = 0; i < DatasetKind.MAX_VALUES; i++) {
            s = s.add("v" + i, DataTypes.DoubleType, true);
        }
        SCHEMA = s.add("currency", DataTypes.StringType, true);
    }

    private static final int FIRST_VALUE = 6;

    private CanonicalRows() {
    }

    /**
     * Canonical columns of a checked dataset. {@code types} are the source's column types (absent
     * optional columns become null); {@code costTag} is the billing tag naming the service.
     */
    static List<Column> columns(DatasetKind kind, StructType types, String costTag) {
        List<Column> cols = new ArrayList<>();
        // the kind as a number and null for a pod or currency the dataset lacks: Spark writes every string
        // of every canonical row into its row buffer, a cost per row the packer does not need
        cols.add(lit(kind.ordinal()).as("dataset"));
        boolean billing = kind == DatasetKind.BILLING;
        if (billing) {
            DataType tags = types.apply("Tags").dataType();
            Column map = tags.equals(DataTypes.StringType)
                    ? from_json(col("Tags"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
                    : col("Tags");
            cols.add(element_at(map, costTag).as("service"));
            cols.add(epochMillis(col("ChargePeriodStart"), types.apply("ChargePeriodStart").dataType()).as("start_ms"));
            cols.add(epochMillis(col("ChargePeriodEnd"), types.apply("ChargePeriodEnd").dataType()).as("end_ms"));
        } else {
            cols.add(col("service").cast("string").as("service"));
            Column start = epochMillis(col("interval_start"), types.apply("interval_start").dataType());
            cols.add(start.as("start_ms"));
            cols.add(start.plus(col("interval_seconds").cast("long").multiply(1000L)).as("end_ms"));
        }
        // no file path: the packer asks CurrentSplit once per split instead of Spark copying it per row
        cols.add(monotonically_increasing_id().as("ordinal"));
        cols.add(kind == DatasetKind.GPU && has(types, "pod")
                ? coalesce(col("pod").cast("string"), lit("")).as("pod") : lit(null).cast("string").as("pod"));
        for (int i = 0; i < DatasetKind.MAX_VALUES; i++) {
            Column v = lit(null).cast("double");
            if (i < kind.columns().size() && has(types, kind.columns().get(i).name())) {
                v = col(kind.columns().get(i).name()).cast("double");
            }
            cols.add(v.as("v" + i));
        }
        cols.add(billing ? coalesce(col("BillingCurrency").cast("string"), lit("")).as("currency")
                : lit(null).cast("string").as("currency"));
        return cols;
    }

    /**
     * Epoch milliseconds of a timestamp column: a Spark timestamp (NTZ read as UTC; the session time
     * zone is UTC), a number of epoch ms, or (CSV) an ISO-8601 string or a string of epoch ms.
     */
    static Column epochMillis(Column c, DataType type) {
        if (type.equals(DataTypes.TimestampType)) {
            return unix_millis(c);
        }
        if (type.equals(DataTypes.TimestampNTZType)) {
            return unix_millis(c.cast("timestamp"));
        }
        if (type.equals(DataTypes.StringType)) {
            return when(c.rlike("^\\s*-?[0-9]+\\s*$"), c.cast("long")).otherwise(unix_millis(c.cast("timestamp")));
        }
        return c.cast("long");
    }

    private static boolean has(StructType types, String name) {
        return SchemaCheck.find(types, name).isPresent();
    }

    // Reading a canonical row back inside an executor (InputChunkPacker), in Spark's internal form: the
    // strings stay UTF-8 bytes until a chunk needs them as Java strings.

    /** The {@link DatasetKind#ordinal()} of the row's dataset. */
    static int dataset(InternalRow r) {
        return r.getInt(0);
    }

    /** Empty when the source had none (such rows are counted and dropped by the aligner). */
    static UTF8String service(InternalRow r) {
        return r.isNullAt(1) ? UTF8String.EMPTY_UTF8 : r.getUTF8String(1);
    }

    static long startMs(InternalRow r) {
        return time(r, 2);
    }

    static long endMs(InternalRow r) {
        return time(r, 3);
    }

    static long ordinal(InternalRow r) {
        return r.getLong(4);
    }

    static String pod(InternalRow r) {
        return r.isNullAt(5) ? "" : text(r.getUTF8String(5));
    }

    static String currency(InternalRow r) {
        int i = FIRST_VALUE + DatasetKind.MAX_VALUES;
        return r.isNullAt(i) ? "" : text(r.getUTF8String(i));
    }

    /**
     * The first {@code width} values into {@code into}, NaN where null; returns the null bits
     * (bit i set when value i was null, as {@link InputBlock} keeps them).
     */
    static long values(InternalRow r, int width, double[] into) {
        long nulls = 0;
        for (int i = 0; i < width; i++) {
            if (r.isNullAt(FIRST_VALUE + i)) {
                into[i] = Double.NaN;
                nulls |= 1L << i;
            } else {
                into[i] = r.getDouble(FIRST_VALUE + i);
            }
        }
        return nulls;
    }

    /** Most pods and currencies are "": no string built for those. */
    static String text(UTF8String s) {
        return s.numBytes() == 0 ? "" : s.toString();
    }

    private static long time(InternalRow r, int i) {
        return r.isNullAt(i) ? InputBlock.UNKNOWN_TIME : r.getLong(i);
    }
}
