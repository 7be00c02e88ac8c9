package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Map side of the pipeline's one shuffle: packs the canonical rows ({@link CanonicalRows#SCHEMA}) of a
 * partition into {@link InputChunk}s, one per service and file split. A partition reads its splits one
 * after the other, so the chunks of a split are complete when the next split starts; they are also cut
 * when more than {@link #MAX_BUFFERED_ROWS} rows (about 100 MB) are waiting, which bounds the memory a huge split with
 * many services can take (the later chunk of a service then holds only later rows, which keeps the
 * chunks' (file, split, first ordinal) order equal to the rows' read order).
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
    static Dataset<InputChunk> pack(Dataset<Row> canonical) {
        return canonical.sparkSession().createDataset(
                canonical.queryExecution().toRdd().toJavaRDD().mapPartitions(new InputChunkPacker(MAX_BUFFERED_ROWS, CurrentSplit.spark())).rdd(),
                Encoders.bean(InputChunk.class));
    }

    @Override
    public Iterator<InputChunk> call(Iterator<InternalRow> rows) {
        return new Iterator<>() {
            private final Map<String, InputChunk.Builder> open = new HashMap<>();
            private final ArrayDeque<InputChunk> ready = new ArrayDeque<>();
            private final double[] rowValues = new double[DatasetKind.MAX_VALUES];
            // the current split
            private int dataset = -1;
            private UTF8String splitPath; // the instance the split source gave (one per split in Spark)
            private UTF8String file;
            private long fileOffset;
            private DatasetKind kind;
            private String filePath;
            // the last row's service and its builder: rows of one service usually come in runs
            private UTF8String service;
            private InputChunk.Builder builder;
            private int buffered;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && rows.hasNext()) {
                    add(rows.next());
                }
                if (ready.isEmpty()) {
                    flush();
                }
                return !ready.isEmpty();
            }

            @Override
            public InputChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void add(InternalRow r) {
                UTF8String f = split.path();
                int ds = CanonicalRows.dataset(r);
                // the path's content is compared only when the split source hands out another instance
                if (f != splitPath || ds != dataset) {
                    splitPath = f;
                    long offset = split.offset();
                    if (file == null || offset != fileOffset || !f.equals(file) || ds != dataset) {
                        flush();
                        dataset = ds;
                        kind = DatasetKind.values()[ds];
                        file = f.clone();
                        filePath = f.toString();
                        fileOffset = offset;
                    }
                }
                if (buffered >= maxBufferedRows) {
                    flush();
                }
                UTF8String s = CanonicalRows.service(r);
                if (builder == null || !s.equals(service)) {
                    service = s.clone();
                    builder = open.computeIfAbsent(s.toString(),
                            name -> new InputChunk.Builder(name, kind, filePath, fileOffset));
                }
                long nulls = CanonicalRows.values(r, kind.columns().size(), rowValues);
                builder.add(CanonicalRows.ordinal(r), CanonicalRows.startMs(r), CanonicalRows.endMs(r),
                        CanonicalRows.pod(r), rowValues, nulls, CanonicalRows.currency(r));
                buffered++;
            }

            private void flush() {
                open.values().forEach(b -> ready.add(b.build()));
                open.clear();
                builder = null;
                buffered = 0;
            }
        };
    }
}
