package dev.scalewise.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Validates one service's raw rows (all datasets together) and aligns them onto one analysis step,
 * giving a {@link ServiceHistory}. Pure Java: the Spark jobs call it inside executors, once per
 * service. The rules are those of {@link DataIssue} and docs/data-validation.md:
 *
 * <ul>
 *   <li>a row [s, e) contributes to every step it overlaps: counts in proportion to the overlap,
 *       gauges as an overlap-weighted mean (so per-pod GPU rows average over pods);</li>
 *   <li>a step's requests (and replicas) are known only when requests rows cover the whole step:
 *       a missing row is unknown traffic, not zero (a row with requests = 0 is a real zero);</li>
 *   <li>billing rows are spread evenly over their charge period; with billing present, a step no
 *       billing row covers costs 0, and a service with no billing row at all has unknown (NaN) cost.</li>
 * </ul>
 */
public final class HistoryAligner {
    private final int stepSeconds;
    private final OptionalLong fromMs;
    private final OptionalLong toMs;
    private final Set<DatasetKind> present;

    /**
     * @param fromMs  analysis range start (inclusive); empty = from the service's first requests row
     * @param toMs    range end (exclusive); empty = to the end of its last requests row
     * @param present datasets that exist in the input (gaps are counted only for those)
     */
    public HistoryAligner(int stepSeconds, OptionalLong fromMs, OptionalLong toMs, Set<DatasetKind> present) {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("stepSeconds must be positive: " + stepSeconds);
        }
        this.stepSeconds = stepSeconds;
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.present = Set.copyOf(present);
    }

    /**
     * Aligns one service's blocks (all datasets together). The rules apply to the rows in read order
     * (file, split offset, ordinal), blocks in the given order breaking ties: the pipeline hands the
     * blocks over in that order, which one pass confirms; otherwise the rows are sorted first.
     */
    public AlignedService align(String service, List<InputBlock> blocks) {
        DataQualityReport.Counter counter = new DataQualityReport.Counter();
        Map<DatasetKind, List<Selection>> valid = new EnumMap<>(DatasetKind.class);
        for (DatasetKind k : DatasetKind.values()) {
            valid.put(k, new ArrayList<>());
        }
        for (InputBlock b : ReadOrder.inReadOrder(blocks)) {
            Selection checked = checkRows(b, counter);
            if (checked.size > 0) {
                valid.get(b.kind()).add(checked);
            }
        }
        for (DatasetKind k : List.of(DatasetKind.REQUESTS, DatasetKind.LATENCY, DatasetKind.GPU)) {
            dropDuplicatesCountDisorder(valid.get(k), counter);
            dropOverlaps(valid.get(k), counter);
        }
        singleCurrency(valid.get(DatasetKind.BILLING), counter);
        valid.values().forEach(selections -> selections.removeIf(sel -> sel.size == 0));

        if (valid.get(DatasetKind.REQUESTS).isEmpty()) {
            for (DatasetKind k : DatasetKind.values()) {
                List<Selection> vs = valid.get(k);
                if (!vs.isEmpty()) {
                    counter.add(k.datasetName(), DataIssue.NO_REQUESTS, "", rows(vs), vs.get(0).block.file());
                }
            }
            return new AlignedService(service, Optional.empty(), counter.report());
        }
        return new AlignedService(service, Optional.of(build(service, valid, counter)), counter.report());
    }

    /** The rows of one block that pass the rules so far (indices into the block, in read order). */
    private static final class Selection {
        final InputBlock block;
        final int[] rows;
        int size;

        Selection(InputBlock block, int[] rows, int size) {
            this.block = block;
            this.rows = rows;
            this.size = size;
        }
    }

    private static long rows(List<Selection> selections) {
        return selections.stream().mapToLong(sel -> sel.size).sum();
    }

    /** Applies the per-row rules to a block: selects the rows to keep, bad optional values set to NaN. */
    private static Selection checkRows(InputBlock b, DataQualityReport.Counter counter) {
        DatasetKind kind = b.kind();
        String ds = kind.datasetName();
        int n = b.size();
        if (b.service().isEmpty()) {
            counter.add(ds, kind == DatasetKind.BILLING ? DataIssue.UNTAGGED : DataIssue.NULL_KEY,
                    kind == DatasetKind.BILLING ? "Tags" : "service", n, b.file());
            return new Selection(b, new int[0], 0);
        }
        List<DatasetKind.ValueColumn> cols = kind.columns();
        int width = cols.size();
        boolean[] required = new boolean[width];
        double[] max = new double[width];
        for (int c = 0; c < width; c++) {
            required[c] = cols.get(c).required();
            max[c] = cols.get(c).max();
        }
        long[] start = b.startMs();
        long[] end = b.endMs();
        long[] nulls = b.nulls();
        double[][] values = b.values();
        int[] kept = new int[n];
        int size = 0;
        long nullTime = 0;
        long badInterval = 0;
        long[][] valueIssues = new long[VALUE_ISSUES.length][width]; // rows per issue and column
        rows:
        for (int i = 0; i < n; i++) {
            if (start[i] == InputBlock.UNKNOWN_TIME) {
                nullTime++;
                continue;
            }
            if (end[i] == InputBlock.UNKNOWN_TIME || end[i] <= start[i]) {
                badInterval++;
                continue;
            }
            for (int c = 0; c < width; c++) {
                double v = values[c][i];
                if (nulls[i] == 0 && v >= 0 && v <= max[c]) {
                    continue; // a present, finite, non-negative value in range: almost every value
                }
                int issue;
                if ((nulls[i] & (1L << c)) != 0) {
                    if (!required[c]) {
                        continue;
                    }
                    issue = NULL_VALUE;
                } else if (!Double.isFinite(v)) {
                    issue = NON_FINITE;
                } else if (v < 0) {
                    issue = NEGATIVE;
                } else if (v > max[c]) {
                    issue = ABOVE_ONE;
                } else {
                    continue;
                }
                valueIssues[issue][c]++;
                if (required[c]) {
                    continue rows; // the later columns of a dropped row are not looked at
                }
                values[c][i] = Double.NaN;
            }
            kept[size++] = i;
        }
        counter.add(ds, DataIssue.NULL_KEY, timeColumn(kind), nullTime, b.file());
        counter.add(ds, DataIssue.BAD_INTERVAL, kind == DatasetKind.BILLING ? "ChargePeriodEnd" : "interval_seconds",
                badInterval, b.file());
        for (int issue = 0; issue < VALUE_ISSUES.length; issue++) {
            for (int c = 0; c < width; c++) {
                counter.add(ds, VALUE_ISSUES[issue], cols.get(c).name(), valueIssues[issue][c], b.file());
            }
        }
        return new Selection(b, kept, size);
    }

    private static final int NULL_VALUE = 0;
    private static final int NON_FINITE = 1;
    private static final int NEGATIVE = 2;
    private static final int ABOVE_ONE = 3;
    private static final DataIssue[] VALUE_ISSUES = {DataIssue.NULL_VALUE, DataIssue.NON_FINITE, DataIssue.NEGATIVE,
            DataIssue.ABOVE_ONE};

    private static String timeColumn(DatasetKind k) {
        return k == DatasetKind.BILLING ? "ChargePeriodStart" : "interval_start";
    }

    /**
     * Rows in read order: a row earlier than the previous row of the same pod in the same file is out of
     * order (counted, kept); a second row with the same (interval_start, pod) is a duplicate (counted,
     * dropped; the first in read order wins).
     */
    private static void dropDuplicatesCountDisorder(List<Selection> selections, DataQualityReport.Counter counter) {
        // The previous start per pod is reset at each new file; the rows seen are not. Rows without a pod
        // (all of requests and latency) use primitive state; pods get a small number each, so their state
        // is arrays too: no boxing, no key object per row. Long.MIN_VALUE (no previous row) is below every
        // known start.
        long previousStart = Long.MIN_VALUE;
        SeenStarts seenStarts = new SeenStarts((int) rows(selections));
        Map<String, Integer> podIds = new HashMap<>();
        long[] previousStartOfPod = new long[0];
        List<SeenStarts> seenStartsOfPod = new ArrayList<>();
        String file = null;
        for (Selection sel : selections) {
            InputBlock b = sel.block;
            if (!b.file().equals(file)) {
                previousStart = Long.MIN_VALUE;
                Arrays.fill(previousStartOfPod, Long.MIN_VALUE);
                file = b.file();
            }
            long[] start = b.startMs();
            long outOfOrder = 0;
            long duplicates = 0;
            int size = 0;
            for (int j = 0; j < sel.size; j++) {
                int i = sel.rows[j];
                long s = start[i];
                String pod = b.pod(i);
                boolean first;
                if (pod.isEmpty()) {
                    outOfOrder += s < previousStart ? 1 : 0;
                    previousStart = s;
                    first = seenStarts.add(s);
                } else {
                    Integer known = podIds.get(pod);
                    int id;
                    if (known == null) {
                        id = podIds.size();
                        podIds.put(pod, id);
                        previousStartOfPod = Arrays.copyOf(previousStartOfPod, id + 1);
                        previousStartOfPod[id] = Long.MIN_VALUE;
                        seenStartsOfPod.add(new SeenStarts(16));
                    } else {
                        id = known;
                    }
                    outOfOrder += s < previousStartOfPod[id] ? 1 : 0;
                    previousStartOfPod[id] = s;
                    first = seenStartsOfPod.get(id).add(s);
                }
                if (first) {
                    sel.rows[size++] = i;
                } else {
                    duplicates++;
                }
            }
            sel.size = size;
            String ds = b.kind().datasetName();
            counter.add(ds, DataIssue.OUT_OF_ORDER, "interval_start", outOfOrder, b.file());
            counter.add(ds, DataIssue.DUPLICATE, "interval_start", duplicates, b.file());
        }
    }

    /**
     * A row that starts before the end of another row of the same series (service, or pod for GPU rows)
     * would count its time twice: of rows that overlap, the one that starts first is kept, the others are
     * counted and dropped. Rows that already tile their series in read order (the usual case) are
     * recognised in one pass; only otherwise are they sorted by start.
     */
    private static void dropOverlaps(List<Selection> selections, DataQualityReport.Counter counter) {
        Map<String, Integer> series = new HashMap<>();
        int total = 0;
        boolean tiled = true;
        long[] lastEnd = new long[0];
        for (Selection sel : selections) {
            for (int j = 0; j < sel.size; j++) {
                int i = sel.rows[j];
                int id = series.computeIfAbsent(sel.block.pod(i), p -> series.size());
                if (id >= lastEnd.length) {
                    lastEnd = Arrays.copyOf(lastEnd, id + 1);
                    lastEnd[id] = Long.MIN_VALUE;
                }
                tiled &= sel.block.startMs()[i] >= lastEnd[id];
                lastEnd[id] = sel.block.endMs()[i];
                total++;
            }
        }
        if (tiled) {
            return;
        }
        // every kept row as (series, start, read position), sorted; the sweep marks the rows to drop
        long[][] rows = new long[total][];
        int n = 0;
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            for (int j = 0; j < sel.size; j++) {
                int i = sel.rows[j];
                rows[n++] = new long[] {series.get(sel.block.pod(i)), sel.block.startMs()[i], s, j, sel.block.endMs()[i]};
            }
        }
        Arrays.sort(rows, java.util.Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1])
                .thenComparingLong(r -> r[2]).thenComparingLong(r -> r[3]));
        boolean[][] dropped = new boolean[selections.size()][];
        for (int s = 0; s < selections.size(); s++) {
            dropped[s] = new boolean[selections.get(s).size];
        }
        long end = Long.MIN_VALUE;
        long current = -1;
        for (long[] r : rows) {
            if (r[0] != current) {
                current = r[0];
                end = Long.MIN_VALUE;
            }
            if (r[1] < end) {
                dropped[(int) r[2]][(int) r[3]] = true;
            } else {
                end = r[4];
            }
        }
        for (int s = 0; s < selections.size(); s++) {
            Selection sel = selections.get(s);
            int size = 0;
            for (int j = 0; j < sel.size; j++) {
                if (!dropped[s][j]) {
                    sel.rows[size++] = sel.rows[j];
                }
            }
            counter.add(sel.block.kind().datasetName(), DataIssue.OVERLAP, "interval_seconds", sel.size - size,
                    sel.block.file());
            sel.size = size;
        }
    }

    /** Keeps the billing rows in the currency of the first one. */
    private static void singleCurrency(List<Selection> selections, DataQualityReport.Counter counter) {
        String currency = null;
        for (Selection sel : selections) {
            InputBlock b = sel.block;
            int size = 0;
            for (int j = 0; j < sel.size; j++) {
                int i = sel.rows[j];
                if (currency == null) {
                    currency = b.currency(i);
                }
                if (b.currency(i).equals(currency)) {
                    sel.rows[size++] = i;
                }
            }
            counter.add("billing", DataIssue.MIXED_CURRENCY, "BillingCurrency", sel.size - size, b.file());
            sel.size = size;
        }
    }

    private ServiceHistory build(String service, Map<DatasetKind, List<Selection>> valid,
                                 DataQualityReport.Counter counter) {
        long stepMs = stepSeconds * 1000L;
        long[] span = span(valid.get(DatasetKind.REQUESTS));
        long start = fromMs.orElseGet(() -> Math.floorDiv(span[0], stepMs) * stepMs);
        long end = toMs.orElseGet(() -> -Math.floorDiv(-span[1], stepMs) * stepMs);
        int n = (int) Math.max(0, -Math.floorDiv(-(end - start), stepMs));

        Map<DatasetKind, Accumulator> acc = new EnumMap<>(DatasetKind.class);
        for (DatasetKind k : DatasetKind.values()) {
            Accumulator a = new Accumulator(k, n);
            valid.get(k).forEach(sel -> a.add(sel, start, stepMs));
            acc.put(k, a);
        }

        Accumulator rq = acc.get(DatasetKind.REQUESTS);
        double[] requestCounts = rq.series(0);
        double[] replicas = rq.series(4);
        int unknown = 0;
        for (int i = 0; i < n; i++) {
            if (rq.coverageMs[i] < stepMs) {
                requestCounts[i] = Double.NaN;
                replicas[i] = Double.NaN;
                unknown++;
            }
        }
        counter.add("requests", DataIssue.GAP, "", unknown, "");
        for (DatasetKind k : List.of(DatasetKind.LATENCY, DatasetKind.GPU)) {
            if (present.contains(k)) {
                counter.add(k.datasetName(), DataIssue.GAP, "", acc.get(k).uncoveredSteps(), "");
            }
        }

        // billing is a count: its sums are the cost (no weight test: a step no billing row covers costs 0)
        boolean billed = !valid.get(DatasetKind.BILLING).isEmpty();
        double[] cost = acc.get(DatasetKind.BILLING).sum[0];
        if (!billed) {
            Arrays.fill(cost, Double.NaN);
        }
        if (present.contains(DatasetKind.BILLING) && !billed) {
            counter.add("billing", DataIssue.NO_COST, "", 1, "");
        }
        Selection firstBilled = billed ? valid.get(DatasetKind.BILLING).get(0) : null;
        String currency = billed ? firstBilled.block.currency(firstBilled.rows[0]) : "";

        Accumulator lat = acc.get(DatasetKind.LATENCY);
        Accumulator gpu = acc.get(DatasetKind.GPU);
        // tokens are demand like requests: known only where rows with a value cover the whole step
        LlmSeries llm = new LlmSeries(rq.wholeStepCounts(5, stepMs), rq.wholeStepCounts(6, stepMs),
                lat.series(3), lat.series(4), lat.series(5),
                lat.series(6), lat.series(7), lat.series(8), gpu.series(3), gpu.series(4), gpu.series(5));
        return new ServiceHistory(service, Instant.ofEpochMilli(start), stepSeconds, requestCounts, replicas,
                rq.series(2), rq.series(3), lat.series(0), lat.series(1), lat.series(2), gpu.series(0),
                gpu.series(1), gpu.series(2), cost, currency, llm);
    }

    /** The earliest start and the latest end of the selected rows. */
    private static long[] span(List<Selection> selections) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Selection sel : selections) {
            for (int j = 0; j < sel.size; j++) {
                min = Math.min(min, sel.block.startMs()[sel.rows[j]]);
                max = Math.max(max, sel.block.endMs()[sel.rows[j]]);
            }
        }
        return new long[] {min, max};
    }

    /** Per-step sums of one dataset's values, with the time each step is covered by its rows. */
    private static final class Accumulator {
        final double[][] sum;
        final double[][] weightMs;
        final double[] coverageMs;
        final boolean[] summed;

        Accumulator(DatasetKind kind, int n) {
            int width = kind.columns().size();
            this.summed = new boolean[width];
            for (int c = 0; c < width; c++) {
                summed[c] = kind.columns().get(c).summed();
            }
            this.sum = new double[width][n];
            this.weightMs = new double[width][n];
            this.coverageMs = new double[n];
        }

        /** Adds the selected rows of a block, in read order (the order of the floating-point sums). */
        void add(Selection sel, long start, long stepMs) {
            InputBlock b = sel.block;
            long[] startMs = b.startMs();
            long[] endMs = b.endMs();
            double[][] values = b.values();
            int n = coverageMs.length;
            // first and last (exclusive) step a row overlaps, before clamping to [0, n): a row one step after
            // the previous one (a regular series) moves both by one, which spares two long divisions
            long previousStart = 0;
            long previousEnd = 0;
            long first = 0;
            long last = 0;
            for (int j = 0; j < sel.size; j++) {
                int row = sel.rows[j];
                long rowStart = startMs[row];
                long rowEnd = endMs[row];
                first = j > 0 && rowStart == previousStart + stepMs ? first + 1 : Math.floorDiv(rowStart - start, stepMs);
                last = j > 0 && rowEnd == previousEnd + stepMs ? last + 1 : -Math.floorDiv(-(rowEnd - start), stepMs);
                previousStart = rowStart;
                previousEnd = rowEnd;
                double lengthMs = rowEnd - rowStart;
                for (int i = (int) Math.max(0, first); i < Math.min(n, last); i++) {
                    long stepStart = start + i * stepMs;
                    double overlap = Math.min(rowEnd, stepStart + stepMs) - Math.max(rowStart, stepStart);
                    if (overlap <= 0) {
                        continue;
                    }
                    coverageMs[i] += overlap;
                    for (int c = 0; c < sum.length; c++) {
                        double v = values[c][row];
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        sum[c][i] += summed[c] ? v * overlap / lengthMs : v * overlap;
                        weightMs[c][i] += overlap;
                    }
                }
            }
        }

        /**
         * Column {@code column} per step, made in place of its sums (read them no more): counts the sum,
         * gauges the overlap-weighted mean, NaN where no row had a value.
         */
        double[] series(int column) {
            double[] s = sum[column];
            double[] w = weightMs[column];
            for (int i = 0; i < s.length; i++) {
                s[i] = w[i] == 0 ? Double.NaN : summed[column] ? s[i] : s[i] / w[i];
            }
            return s;
        }

        /**
         * Count column {@code column} per step where rows with a value cover the whole step, else NaN (a
         * partly known count would be too low). Made in place of its sums, like {@link #series}.
         */
        double[] wholeStepCounts(int column, long stepMs) {
            double[] s = sum[column];
            double[] w = weightMs[column];
            for (int i = 0; i < s.length; i++) {
                s[i] = w[i] < stepMs ? Double.NaN : s[i];
            }
            return s;
        }

        long uncoveredSteps() {
            long c = 0;
            for (double v : coverageMs) {
                c += v == 0 ? 1 : 0;
            }
            return c;
        }
    }
}
