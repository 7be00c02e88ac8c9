package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputBlock;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

import java.io.Serializable;
import java.util.Iterator;

/**
 * Map side of the pipeline's shuffle for Parquet read as column batches ({@link ColumnarScan}): the
 * same chunks {@link InputChunkPacker} makes from canonical rows, read straight from Parquet's column
 * vectors. Spark's row path wrote every row (its service string included) into a row buffer and copied
 * it out again, a third of the map side's CPU; here a service is compared by its dictionary id while it
 * stays the same, and only the numbers are read.
 *
 * <p>Each value is what {@link CanonicalRows#columns} would compute: epoch ms as {@code unix_millis}
 * gives them, the end as start + interval_seconds x 1000, values widened to double, a pod of null as "",
 * and the ordinal as {@code monotonically_increasing_id} numbers a partition's rows. The pipeline's range
 * and service filters ({@link RowFilter}) apply here.
 */
final class ColumnarChunkPacker implements FlatMapFunction<Iterator<ColumnarBatch>, InputChunk> {
    /** How a column's type is read: a string, or a number into a canonical long or double. */
    enum Read { TEXT, DOUBLE, FLOAT, LONG, INT, SHORT, BYTE, MICROS, ABSENT }

    /**
     * Where each canonical column is in the batch and how to read it.
     *
     * @param values one per {@link DatasetKind#columns()}; {@link Read#ABSENT} (null) when the files lack it
     * @param pod    -1 when the dataset has no pod column
     */
    record Layout(DatasetKind kind, int service, int start, Read startRead, int interval, Read intervalRead,
                  int[] values, Read[] valueReads, int pod) implements Serializable {
    }

    private final Layout layout;
    private final RowFilter filter;
    private final int maxBufferedRows;
    private final CurrentSplit split;

    ColumnarChunkPacker(Layout layout, RowFilter filter, int maxBufferedRows, CurrentSplit split) {
        this.layout = layout;
        this.filter = filter;
        this.maxBufferedRows = maxBufferedRows;
        this.split = split;
    }

    @Override
    public Iterator<InputChunk> call(Iterator<ColumnarBatch> batches) {
        ChunkAssembler chunks = new ChunkAssembler(maxBufferedRows, split);
        TaskContext task = TaskContext.get();
        // monotonically_increasing_id: the partition in the upper 31 bits, the row's position below
        long[] ordinal = {task == null ? 0 : (long) task.partitionId() << 33};
        double[] values = new double[DatasetKind.MAX_VALUES];
        return new ChunkIterator(chunks, () -> {
            if (!batches.hasNext()) {
                return false;
            }
            ColumnarBatch batch = batches.next();
            chunks.enter(layout.kind().ordinal());
            ordinal[0] = pack(batch, chunks, ordinal[0], values);
            return true;
        });
    }

    /** Adds the batch's rows that pass the filter; returns the ordinal after its last row. */
    private long pack(ColumnarBatch batch, ChunkAssembler chunks, long ordinal, double[] values) {
        int n = batch.numRows();
        ColumnVector service = batch.column(layout.service());
        ColumnVector start = batch.column(layout.start());
        ColumnVector interval = batch.column(layout.interval());
        ColumnVector pod = layout.pod() < 0 ? null : batch.column(layout.pod());
        int width = layout.values().length;
        ColumnVector[] valueColumns = new ColumnVector[width];
        for (int c = 0; c < width; c++) {
            valueColumns[c] = layout.valueReads()[c] == Read.ABSENT ? null : batch.column(layout.values()[c]);
        }
        // a dictionary-encoded service column names a row's service by an id: a run of one service is a run
        // of one id, and the name is looked up only when the id changes
        ColumnVector ids = service instanceof WritableColumnVector w && w.hasDictionary() ? w.getDictionaryIds() : null;
        int lastId = -1;
        UTF8String name = null;
        boolean nullable = service.hasNull();
        for (int i = 0; i < n; i++, ordinal++) {
            boolean noService = nullable && service.isNullAt(i);
            if (noService) {
                name = UTF8String.EMPTY_UTF8;
                lastId = -1;
            } else if (ids == null) {
                name = service.getUTF8String(i);
            } else if (ids.getInt(i) != lastId) {
                lastId = ids.getInt(i);
                name = service.getUTF8String(i);
            }
            long startMs = start.isNullAt(i) ? InputBlock.UNKNOWN_TIME : readLong(start, layout.startRead(), i);
            long endMs = startMs == InputBlock.UNKNOWN_TIME || interval.isNullAt(i) ? InputBlock.UNKNOWN_TIME
                    : startMs + readLong(interval, layout.intervalRead(), i) * 1000L;
            if (!filter.keeps(noService ? null : name, startMs, endMs)) {
                continue;
            }
            long nulls = 0;
            for (int c = 0; c < width; c++) {
                ColumnVector v = valueColumns[c];
                if (v == null || v.isNullAt(i)) {
                    values[c] = Double.NaN;
                    nulls |= 1L << c;
                } else {
                    values[c] = readDouble(v, layout.valueReads()[c], i);
                }
            }
            String podName = pod == null || pod.isNullAt(i) ? "" : CanonicalRows.text(pod.getUTF8String(i));
            chunks.add(name, ordinal, startMs, endMs, podName, values, nulls, "");
        }
        return ordinal;
    }

    /** A time column as epoch ms ({@code unix_millis} floors micros) or an interval as a long. */
    private static long readLong(ColumnVector v, Read read, int i) {
        return switch (read) {
            case MICROS -> Math.floorDiv(v.getLong(i), 1000L);
            case LONG -> v.getLong(i);
            case INT -> v.getInt(i);
            case SHORT -> v.getShort(i);
            case BYTE -> v.getByte(i);
            default -> throw new IllegalStateException("not a long column: " + read);
        };
    }

    /** Spark's cast to double: Java's widening of each numeric type. */
    private static double readDouble(ColumnVector v, Read read, int i) {
        return switch (read) {
            case DOUBLE -> v.getDouble(i);
            case FLOAT -> v.getFloat(i);
            case LONG -> v.getLong(i);
            case INT -> v.getInt(i);
            case SHORT -> v.getShort(i);
            case BYTE -> v.getByte(i);
            default -> throw new IllegalStateException("not a numeric column: " + read);
        };
    }

    private static String text(UTF8String s) {
        return s.numBytes() == 0 ? "" : s.toString();
    }
}
