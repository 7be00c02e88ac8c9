package dev.scalewise.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The aligner's duplicate and out-of-order counts (primitive state for rows without a pod, maps for pod
 * rows) equal a literal scan of the rules in docs/data-validation.md: rows in (file, split, ordinal)
 * order; a row earlier than the previous row of the same pod in the same file is out of order; a second
 * (interval_start, pod) is a duplicate. Random rows over 3 files, pods "" / "a" / "b", starts drawn from
 * few minutes (so duplicates and disorder are frequent), in random input order.
 */
class DuplicateDisorderPropertyTest {
    private static final long T0 = 1_767_607_200_000L;
    private static final long MIN = 60_000;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsEqualALiteralScan(long seed) {
        Random rnd = new Random(seed);
        DatasetKind kind = rnd.nextBoolean() ? DatasetKind.GPU : DatasetKind.LATENCY;
        List<InputRow> rows = new ArrayList<>();
        int n = 1 + rnd.nextInt(300);
        for (int i = 0; i < n; i++) {
            String pod = kind == DatasetKind.GPU ? List.of("", "a", "b").get(rnd.nextInt(3)) : "";
            long start = T0 + rnd.nextInt(40) * MIN;
            // new String: rows of one file do not always share a path instance
            String file = new String("f" + rnd.nextInt(3));
            rows.add(new InputRow(kind, "chat", start, start + MIN, file, rnd.nextInt(2) * 1000L, i, pod,
                    new double[] {1, 1, 1}, 0, ""));
        }
        java.util.Collections.shuffle(rows, rnd);
        DataQualityReport q = new HistoryAligner(60, OptionalLong.empty(), OptionalLong.empty(),
                EnumSet.allOf(DatasetKind.class)).align("chat", InputBlock.of(rows)).quality();

        List<InputRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(InputRow::file).thenComparingLong(InputRow::fileOffset)
                .thenComparingLong(InputRow::ordinal));
        long duplicates = 0;
        long disorder = 0;
        Set<String> seen = new HashSet<>();
        Map<String, Long> previous = new HashMap<>();
        for (InputRow r : sorted) {
            String key = r.file() + "|" + r.pod();
            Long prev = previous.put(key, r.startMs());
            disorder += prev != null && r.startMs() < prev ? 1 : 0;
            duplicates += seen.add(r.startMs() + "|" + r.pod()) ? 0 : 1;
        }
        String ds = kind.datasetName();
        assertEquals(duplicates, q.count(ds, DataIssue.DUPLICATE), "duplicates");
        assertEquals(disorder, q.count(ds, DataIssue.OUT_OF_ORDER), "out of order");
    }
}
