package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.InputBlock;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Packing rows into chunks, sorting a service's chunks and unpacking them gives every service exactly its
 * rows in (file, split, ordinal) order (the order the aligner's duplicate and disorder rules depend on),
 * whatever the chunks were cut by: a new file split or the buffered-rows limit (tried at 1, 3, 7 and the
 * real limit).
 */
class InputChunkPackerTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, InputChunkPacker.MAX_BUFFERED_ROWS})
    void chunksGiveEachServiceItsRowsInFileOrder(int limit) {
        Random rnd = new Random(limit);
        List<InternalRow> rows = new ArrayList<>();
        List<String[]> rowSplits = new ArrayList<>(); // the split each row is read from
        List<String> expected = new ArrayList<>();
        long ordinal = 0;
        // one partition reading 4 splits in turn: two of file a (offsets 0 and 512), b, then gpu file c
        String[][] splits = {{"requests", "file:/d/requests/a.parquet", "0"}, {"requests", "file:/d/requests/a.parquet", "512"},
                {"requests", "file:/d/requests/b.parquet", "0"}, {"gpu", "file:/d/gpu/c.parquet", "0"}};
        for (String[] split : splits) {
            for (int i = 0; i < 20; i++) {
                String service = rnd.nextInt(4) == 0 ? null : List.of("chat", "embed").get(rnd.nextInt(2));
                String pod = split[0].equals("gpu") && rnd.nextInt(3) > 0 ? "p" + rnd.nextInt(2) : ""; // some gpu rows without a pod
                long start = 60_000L * rnd.nextInt(50);
                ordinal += 1 + rnd.nextInt(3);
                rows.add(row(split[0], service, start, ordinal, pod, i));
                rowSplits.add(split);
                expected.add(describe(service == null ? "" : service, split[1], Long.parseLong(split[2]), ordinal, start,
                        pod, i));
            }
        }
        List<InputChunk> chunks = new ArrayList<>();
        FakeSplit current = new FakeSplit();
        Iterator<InternalRow> reading = new Iterator<>() { // announces each row's split as Spark's scan does
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows.size();
            }

            @Override
            public InternalRow next() {
                current.enter(rowSplits.get(next)[1], Long.parseLong(rowSplits.get(next)[2]));
                return rows.get(next++);
            }
        };
        new InputChunkPacker(limit, current).call(reading).forEachRemaining(chunks::add);

        List<String> got = new ArrayList<>();
        for (String service : List.of("chat", "embed", "")) { // the order of sorted() below: "|" > letters
            List<InputChunk> mine = new ArrayList<>(chunks.stream().filter(c -> c.getService().equals(service)).toList());
            mine.sort(InputChunk::compareFileOrder);
            for (InputBlock b : mine.stream().map(InputChunk::toBlock).toList()) {
                for (int i = 0; i < b.size(); i++) {
                    got.add(describe(b.service(), b.file(), b.fileOffset(), b.ordinals()[i], b.startMs()[i], b.pod(i),
                            b.values()[0][i]));
                }
            }
        }
        // service, then path, split offset, ordinal (zero-padded: the strings sort like the numbers)
        List<String> want = expected.stream().sorted().toList();
        assertEquals(want, got);
    }

    private static String describe(String service, String file, long offset, long ordinal, long start, String pod,
                                   double value) {
        return String.format("%s|%s|%05d|%05d|%d|%s|%s", service, file, offset, ordinal, start, pod, value);
    }

    /** A canonical row (CanonicalRows.SCHEMA) as Spark hands it to the packer. */
    private static InternalRow row(String dataset, String service, long start, long ordinal, String pod, double value) {
        Object[] v = new Object[CanonicalRows.SCHEMA.size()];
        v[0] = DatasetKind.of(dataset).ordinal();
        v[1] = service == null ? null : UTF8String.fromString(service);
        v[2] = start;
        v[3] = start + 60_000;
        v[4] = ordinal;
        v[5] = pod.isEmpty() ? null : UTF8String.fromString(pod);
        v[6] = value;
        v[6 + DatasetKind.MAX_VALUES] = null;
        return new GenericInternalRow(v);
    }

    /** A split source like Spark's: a new path instance each time a split starts, even of the same file. */
    private static final class FakeSplit implements CurrentSplit {
        private UTF8String path = UTF8String.EMPTY_UTF8;
        private long offset;

        void enter(String file, long splitOffset) {
            if (!file.equals(path.toString()) || splitOffset != offset) {
                path = UTF8String.fromString(file);
                offset = splitOffset;
            }
        }

        @Override
        public UTF8String path() {
            return path;
        }

        @Override
        public long offset() {
            return offset;
        }
    }

}
