package dev.scalewise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The raw rows of one dataset, service, file and file split, column by column, in read order: what the
 * pipeline hands the {@link HistoryAligner}. Column arrays instead of one object per row, because a fleet
 * backtest aligns ~130 M rows and a row object plus its value array per row was most of the aligner's
 * time and of its garbage.
 *
 * <p>Row i is (ordinals[i], startMs[i], endMs[i], nulls[i], values[c][i] for each column c of
 * {@link DatasetKind#columns()}, pod(i), currency(i)). The arrays are not copied: whoever hands a block
 * to {@link HistoryAligner#align} gives it away, and the aligner may overwrite bad values with NaN.
 *
 * @param service    the rows' service ("" when the source had none: such rows are counted and dropped)
 * @param file       the file the rows came from (for messages and within-file order)
 * @param fileOffset byte offset of the file split the rows were read from (Spark may split a large file)
 * @param ordinals   position of each row in its split (increasing in read order; gaps allowed)
 * @param startMs    interval (or charge period) start, epoch ms; {@link #UNKNOWN_TIME} when null
 * @param endMs      exclusive end, epoch ms; {@link #UNKNOWN_TIME} when null
 * @param nulls      bit c set when values[c] was null in the source (values[c] is then NaN)
 * @param values     values[c][i]: column c of row i, columns in {@link DatasetKind#columns()} order
 * @param pods       pod of each row, or empty when every row's pod is "" (per-service rows)
 * @param currencies billing currency of each row, or empty when every row's is "" (other datasets)
 */
public record InputBlock(DatasetKind kind, String service, String file, long fileOffset, long[] ordinals,
                         long[] startMs, long[] endMs, long[] nulls, double[][] values, String[] pods,
                         String[] currencies) {
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;
    private static final String[] NONE = new String[0];

    public InputBlock {
        int n = ordinals.length;
        if (startMs.length != n || endMs.length != n || nulls.length != n || values.length != kind.columns().size()
                || (pods.length != 0 && pods.length != n) || (currencies.length != 0 && currencies.length != n)) {
            throw new IllegalArgumentException("a block of " + kind.datasetName() + " needs " + n + " of every "
                    + "per-row value and " + kind.columns().size() + " value columns");
        }
        for (double[] column : values) {
            if (column.length != n) {
                throw new IllegalArgumentException("value column of " + column.length + " rows in a block of " + n);
            }
        }
    }

    public int size() {
        return ordinals.length;
    }

    public String pod(int row) {
        return pods.length == 0 ? "" : pods[row];
    }

    public String currency(int row) {
        return currencies.length == 0 ? "" : currencies[row];
    }

    /** The given rows of this block, in the given order, as a block of their own (copied). */
    InputBlock select(int[] rows) {
        int width = values.length;
        double[][] v = new double[width][rows.length];
        for (int c = 0; c < width; c++) {
            for (int j = 0; j < rows.length; j++) {
                v[c][j] = values[c][rows[j]];
            }
        }
        return new InputBlock(kind, service, file, fileOffset, pick(ordinals, rows), pick(startMs, rows),
                pick(endMs, rows), pick(nulls, rows), v, pick(pods, rows), pick(currencies, rows));
    }

    private static long[] pick(long[] a, int[] rows) {
        long[] out = new long[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = a[rows[j]];
        }
        return out;
    }

    private static String[] pick(String[] a, int[] rows) {
        if (a.length == 0) {
            return NONE;
        }
        String[] out = new String[rows.length];
        for (int j = 0; j < rows.length; j++) {
            out[j] = a[rows[j]];
        }
        return out;
    }

    /**
     * Rows one at a time, as blocks: each run of consecutive rows of one dataset, service, file and split
     * becomes a block, in the list's order (for tests and small inputs; the pipeline decodes its chunks
     * straight into blocks).
     */
    public static List<InputBlock> of(List<InputRow> rows) {
        List<InputBlock> blocks = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !sameSplit(rows.get(from), rows.get(i))) {
                blocks.add(ofRun(rows.subList(from, i)));
                from = i;
            }
        }
        return blocks;
    }

    private static boolean sameSplit(InputRow a, InputRow b) {
        return a.dataset() == b.dataset() && a.service().equals(b.service()) && a.file().equals(b.file())
                && a.fileOffset() == b.fileOffset();
    }

    private static InputBlock ofRun(List<InputRow> run) {
        InputRow first = run.get(0);
        int n = run.size();
        int width = first.dataset().columns().size();
        long[] ordinals = new long[n];
        long[] start = new long[n];
        long[] end = new long[n];
        long[] nulls = new long[n];
        double[][] values = new double[width][n];
        String[] pods = new String[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            InputRow r = run.get(i);
            ordinals[i] = r.ordinal();
            start[i] = r.startMs();
            end[i] = r.endMs();
            nulls[i] = r.nulls();
            for (int c = 0; c < width; c++) {
                values[c][i] = r.values()[c];
            }
            pods[i] = r.pod();
            currencies[i] = r.currency();
        }
        return new InputBlock(first.dataset(), first.service(), first.file(), first.fileOffset(), ordinals, start,
                end, nulls, values, noneIfAllEmpty(pods), noneIfAllEmpty(currencies));
    }

    private static String[] noneIfAllEmpty(String[] texts) {
        return Arrays.stream(texts).allMatch(String::isEmpty) ? NONE : texts;
    }
}
