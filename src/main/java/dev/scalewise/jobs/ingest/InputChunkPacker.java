package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

import java.util.Iterator;

/**
 * Map side of the pipeline's one shuffle: packs the canonical rows ({@link CanonicalRows#SCHEMA}) of a
 * partition into {@link InputChunk}s, one per service and file split ({@link ChunkAssembler}), whatever
 * the file format and the columns' types (Spark has cast them to the canonical row).
 *
 * <p>It reads Spark's internal rows: decoding every row into a {@link Row} (boxed numbers, five strings
 * including the ~100-character file path) cost more than the packing itself. The service becomes a Java
 * string once per chunk, not once per row; the file path is not in the rows at all but asked of the
 * {@link CurrentSplit} (Spark copying it into every row cost more than the packing too).
 */
final class InputChunkPacker implements FlatMapFunction<Iterator<InternalRow>, InputChunk> {
    static final int MAX_BUFFERED_ROWS = 1 << 20;

    private final int maxBufferedRows;
    private final CurrentSplit split;

    InputChunkPacker(int maxBufferedRows, CurrentSplit split) {
        this.maxBufferedRows = maxBufferedRows;
        this.split = split;
    }

    /** The canonical rows as chunks: the rows are computed by Spark's plan and packed as they stream by. */
    static JavaRDD<InputChunk> pack(Dataset<Row> canonical) {
        return canonical.queryExecution().toRdd().toJavaRDD()
                .mapPartitions(new InputChunkPacker(MAX_BUFFERED_ROWS, CurrentSplit.spark()));
    }

    @Override
    public Iterator<InputChunk> call(Iterator<InternalRow> rows) {
        ChunkAssembler chunks = new ChunkAssembler(maxBufferedRows, split);
        double[] rowValues = new double[DatasetKind.MAX_VALUES];
        return new ChunkIterator(chunks, () -> {
            if (!rows.hasNext()) {
                return false;
            }
            InternalRow r = rows.next();
            chunks.enter(CanonicalRows.dataset(r));
            long nulls = CanonicalRows.values(r, chunks.kind().columns().size(), rowValues);
            chunks.add(CanonicalRows.service(r), CanonicalRows.ordinal(r), CanonicalRows.startMs(r),
                    CanonicalRows.endMs(r), CanonicalRows.pod(r), rowValues, nulls, CanonicalRows.currency(r));
            return true;
        });
    }
}
