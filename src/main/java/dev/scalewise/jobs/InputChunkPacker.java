package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Map side of the pipeline's one shuffle: packs the canonical rows ({@link CanonicalRows#SCHEMA}) of a
 * partition into {@link InputChunk}s, one per service and file split. A partition reads its splits one
 * after the other, so the chunks of a split are complete when the next split starts; they are also cut
 * when more than {@link #MAX_BUFFERED_ROWS} rows are waiting, which bounds the memory a huge split with
 * many services can take (the later chunk of a service then holds only later rows, which keeps the
 * chunks' (file, split, first ordinal) order equal to the rows' read order).
 */
final class InputChunkPacker implements MapPartitionsFunction<Row, InputChunk> {
    static final int MAX_BUFFERED_ROWS = 1 << 20;

    @Override
    public Iterator<InputChunk> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private final Map<String, InputChunk.Builder> open = new LinkedHashMap<>();
            private final ArrayDeque<InputChunk> ready = new ArrayDeque<>();
            private final double[] rowValues = new double[DatasetKind.MAX_VALUES];
            private String dataset = "";
            private DatasetKind kind;
            private String file = "";
            private long fileOffset = -1;
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

            private void add(Row r) {
                String ds = CanonicalRows.dataset(r);
                String f = CanonicalRows.file(r);
                long offset = CanonicalRows.fileOffset(r);
                if (offset != fileOffset || !f.equals(file) || !ds.equals(dataset)) {
                    flush();
                    dataset = ds;
                    kind = DatasetKind.of(ds);
                    file = f;
                    fileOffset = offset;
                } else if (buffered >= MAX_BUFFERED_ROWS) {
                    flush();
                }
                InputChunk.Builder b = open.computeIfAbsent(CanonicalRows.service(r),
                        s -> new InputChunk.Builder(s, kind, file, fileOffset));
                long nulls = CanonicalRows.values(r, kind.columns().size(), rowValues);
                b.add(CanonicalRows.ordinal(r), CanonicalRows.startMs(r), CanonicalRows.endMs(r), CanonicalRows.pod(r),
                        rowValues, nulls, CanonicalRows.currency(r));
                buffered++;
            }

            private void flush() {
                open.values().forEach(b -> ready.add(b.build()));
                open.clear();
                buffered = 0;
            }
        };
    }
}
