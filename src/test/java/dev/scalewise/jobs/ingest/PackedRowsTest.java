package dev.scalewise.jobs.ingest;

import dev.scalewise.data.InputBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: whatever the rows, packing and reading back gives every ordinal and time exactly and every
 * non-null value bit for bit (nulls read as NaN): regular minute series, random jumps, unknown times
 * (Long.MIN_VALUE), integers up to and beyond 2^53, -0.0, NaN and infinities as values, all null bits;
 * row by row and into columns at once alike.
 */
class PackedRowsTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 9007199254740992.0, 9007199254740993.0,
            -9007199254740992.0, 1e300, -1.0, 3.0, 0.25, Long.MAX_VALUE, Long.MIN_VALUE};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void rowsComeBackExactly(int seed) {
        Random rnd = new Random(seed);
        int width = 1 + rnd.nextInt(5);
        List<long[]> meta = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        PackedRows.Writer w = new PackedRows.Writer(width);
        long ordinal = rnd.nextInt(1000);
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 500; i++) {
            ordinal += rnd.nextInt(10) == 0 ? rnd.nextInt(100_000) : 1;
            start += rnd.nextInt(8) == 0 ? rnd.nextLong() % 10_000_000L : 60_000;
            long s = rnd.nextInt(20) == 0 ? InputBlock.UNKNOWN_TIME : start;
            long e = rnd.nextInt(20) == 0 ? InputBlock.UNKNOWN_TIME : s + (rnd.nextInt(6) == 0 ? rnd.nextInt(3_600_000) : 60_000);
            long nulls = rnd.nextInt(4) == 0 ? rnd.nextInt(1 << width) : 0;
            double[] v = new double[width];
            for (int c = 0; c < width; c++) {
                v[c] = switch (rnd.nextInt(4)) {
                    case 0 -> SPECIAL[rnd.nextInt(SPECIAL.length)];
                    case 1 -> rnd.nextInt(5000);
                    case 2 -> rnd.nextGaussian() * 1e6;
                    default -> (double) rnd.nextLong();
                };
                if ((nulls & (1L << c)) != 0) {
                    v[c] = Double.NaN;
                }
            }
            w.add(ordinal, s, e, nulls, v);
            meta.add(new long[]{ordinal, s, e, nulls});
            values.add(v);
        }
        PackedRows.Reader r = new PackedRows.Reader(w.bytes(), width);
        double[] got = new double[width];
        for (int i = 0; i < meta.size(); i++) {
            r.next(got);
            assertEquals(meta.get(i)[0], r.ordinal(), "ordinal of row " + i);
            assertEquals(meta.get(i)[1], r.startMs(), "start of row " + i);
            assertEquals(meta.get(i)[2], r.endMs(), "end of row " + i);
            assertEquals(meta.get(i)[3], r.nulls(), "nulls of row " + i);
            for (int c = 0; c < width; c++) {
                assertEquals(Double.doubleToRawLongBits(values.get(i)[c]), Double.doubleToRawLongBits(got[c]),
                        "value " + c + " of row " + i);
            }
        }
        // the same rows decoded into columns at once
        int n = meta.size();
        long[][] keys = new long[4][n];
        double[][] columns = new double[width][n];
        new PackedRows.Reader(w.bytes(), width).readAll(n, keys[0], keys[1], keys[2], keys[3], columns);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(meta.get(i)[k], keys[k][i], "key " + k + " of row " + i + " (readAll)");
            }
            for (int c = 0; c < width; c++) {
                assertEquals(Double.doubleToRawLongBits(values.get(i)[c]), Double.doubleToRawLongBits(columns[c][i]),
                        "value " + c + " of row " + i + " (readAll)");
            }
        }
    }
}
