package dev.scalewise.data;

import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
     * Read order: file, split, position. The Spark jobs hand rows over already in this order, rows of one
     * split sharing one path instance, so the sort is a single pass and the identity test spares comparing
     * ~100-character paths row by row.
     */
    private static final Comparator<InputRow> FILE_ORDER = Comparator
            .comparing(InputRow::file, (String a, String b) -> a == b ? 0 : a.compareTo(b))
            .thenComparingLong(InputRow::fileOffset).thenComparingLong(InputRow::ordinal);

    public AlignedService align(String service, List<InputRow> rows) {
        DataQualityReport.Counter counter = new DataQualityReport.Counter();
        Map<DatasetKind, List<InputRow>> valid = new EnumMap<>(DatasetKind.class);
        for (DatasetKind k : DatasetKind.values()) {
            valid.put(k, new ArrayList<>());
        }
        List<InputRow> sorted = new ArrayList<>(rows);
        sorted.sort(FILE_ORDER);
        for (InputRow r : sorted) {
            InputRow checked = checkRow(r, counter);
            if (checked != null) {
                valid.get(r.dataset()).add(checked);
            }
        }
        for (DatasetKind k : List.of(DatasetKind.REQUESTS, DatasetKind.LATENCY, DatasetKind.GPU)) {
            valid.put(k, dropDuplicatesCountDisorder(valid.get(k), counter));
        }
        valid.put(DatasetKind.BILLING, singleCurrency(valid.get(DatasetKind.BILLING), counter));

        List<InputRow> requests = valid.get(DatasetKind.REQUESTS);
        if (requests.isEmpty()) {
            for (DatasetKind k : DatasetKind.values()) {
                List<InputRow> vs = valid.get(k);
                if (!vs.isEmpty()) {
                    counter.add(k.datasetName(), DataIssue.NO_REQUESTS, "", vs.size(), vs.get(0).file());
                }
            }
            return new AlignedService(service, Optional.empty(), counter.report());
        }
        return new AlignedService(service, Optional.of(build(service, valid, counter)), counter.report());
    }

    /** Applies the per-row rules; returns the row to keep (values cleaned) or null when dropped. */
    private static InputRow checkRow(InputRow r, DataQualityReport.Counter counter) {
        String ds = r.dataset().datasetName();
        if (r.dataset() == DatasetKind.BILLING && r.service().isEmpty()) {
            counter.add(ds, DataIssue.UNTAGGED, "Tags", 1, r.file());
            return null;
        }
        if (r.service().isEmpty() || r.startMs() == InputRow.UNKNOWN_TIME) {
            counter.add(ds, DataIssue.NULL_KEY, r.service().isEmpty() ? "service" : timeColumn(r.dataset()), 1, r.file());
            return null;
        }
        if (r.endMs() == InputRow.UNKNOWN_TIME || r.endMs() <= r.startMs()) {
            counter.add(ds, DataIssue.BAD_INTERVAL, r.dataset() == DatasetKind.BILLING ? "ChargePeriodEnd"
                    : "interval_seconds", 1, r.file());
            return null;
        }
        double[] values = r.values();
        boolean cleaned = false;
        List<DatasetKind.ValueColumn> cols = r.dataset().columns();
        for (int i = 0; i < cols.size(); i++) {
            DatasetKind.ValueColumn c = cols.get(i);
            DataIssue issue = null;
            if (r.isNull(i)) {
                issue = c.required() ? DataIssue.NULL_VALUE : null;
            } else if (!Double.isFinite(values[i])) {
                issue = DataIssue.NON_FINITE;
            } else if (values[i] < 0) {
                issue = DataIssue.NEGATIVE;
            }
            if (issue != null) {
                counter.add(ds, issue, c.name(), 1, r.file());
                if (c.required()) {
                    return null;
                }
                if (!cleaned) { // copy on first write: a clean row (almost every row) is kept as it came
                    values = values.clone();
                    cleaned = true;
                }
                values[i] = Double.NaN;
            }
        }
        return !cleaned ? r : new InputRow(r.dataset(), r.service(), r.startMs(), r.endMs(), r.file(), r.fileOffset(),
                r.ordinal(), r.pod(), values, r.nulls(), r.currency());
    }

    private static String timeColumn(DatasetKind k) {
        return k == DatasetKind.BILLING ? "ChargePeriodStart" : "interval_start";
    }

    /**
     * Rows arrive in (file, ordinal) order: a row earlier than the previous row of the same pod in the
     * same file is out of order (counted, kept); a second row with the same (interval_start, pod) is a
     * duplicate (counted, dropped; the first in file order wins).
     */
    private static List<InputRow> dropDuplicatesCountDisorder(List<InputRow> rows, DataQualityReport.Counter counter) {
        // rows of one file are contiguous (file order): the previous start per pod is reset at each new
        // file, so no key needs the (long) path; record keys avoid building a string per row. Rows without
        // a pod (all of requests and latency) use primitive state instead: no boxing, no map entry per row.
        Map<String, Long> previousStartOfPod = new HashMap<>();
        long previousStart = 0;
        boolean hasPrevious = false;
        String file = null;
        Set<StartAndPod> seen = new HashSet<>();
        LongSet seenStarts = new LongSet(rows.size());
        List<InputRow> kept = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            if (r.file() != file) {
                if (!r.file().equals(file)) {
                    previousStartOfPod.clear();
                    hasPrevious = false;
                }
                file = r.file(); // the next rows of this chunk share this instance: no content comparison
            }
            boolean noPod = r.pod().isEmpty();
            boolean outOfOrder;
            boolean first;
            if (noPod) {
                outOfOrder = hasPrevious && r.startMs() < previousStart;
                previousStart = r.startMs();
                hasPrevious = true;
                first = seenStarts.add(r.startMs());
            } else {
                Long prev = previousStartOfPod.put(r.pod(), r.startMs());
                outOfOrder = prev != null && r.startMs() < prev;
                first = seen.add(new StartAndPod(r.startMs(), r.pod()));
            }
            String ds = r.dataset().datasetName();
            if (outOfOrder) {
                counter.add(ds, DataIssue.OUT_OF_ORDER, "interval_start", 1, r.file());
            }
            if (first) {
                kept.add(r);
            } else {
                counter.add(ds, DataIssue.DUPLICATE, "interval_start", 1, r.file());
            }
        }
        return kept;
    }

    /** A set of longs by open addressing (linear probing): no boxing, one array. */
    private static final class LongSet {
        private long[] keys;
        private boolean[] used;
        private int size;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            used = new boolean[cap];
        }

        /** True when {@code k} was not in the set (and is now). */
        boolean add(long k) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            size++;
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }

        /** Spreads epoch-ms keys (multiples of 60,000 here) over the table: Stafford's mix13 of SplitMix64. */
        private static int mix(long k) {
            k = (k ^ (k >>> 30)) * 0xbf58476d1ce4e5b9L;
            k = (k ^ (k >>> 27)) * 0x94d049bb133111ebL;
            return (int) (k ^ (k >>> 31));
        }
    }

    private record StartAndPod(long startMs, String pod) {
    }

    private static List<InputRow> singleCurrency(List<InputRow> rows, DataQualityReport.Counter counter) {
        if (rows.isEmpty()) {
            return rows;
        }
        String currency = rows.get(0).currency();
        List<InputRow> kept = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            if (r.currency().equals(currency)) {
                kept.add(r);
            } else {
                counter.add("billing", DataIssue.MIXED_CURRENCY, "BillingCurrency", 1, r.file());
            }
        }
        return kept;
    }

    private ServiceHistory build(String service, Map<DatasetKind, List<InputRow>> valid,
                                 DataQualityReport.Counter counter) {
        long stepMs = stepSeconds * 1000L;
        List<InputRow> requests = valid.get(DatasetKind.REQUESTS);
        long start = fromMs.orElseGet(() -> Math.floorDiv(
                requests.stream().mapToLong(InputRow::startMs).min().orElseThrow(), stepMs) * stepMs);
        long end = toMs.orElseGet(() -> -Math.floorDiv(
                -requests.stream().mapToLong(InputRow::endMs).max().orElseThrow(), stepMs) * stepMs);
        int n = (int) Math.max(0, -Math.floorDiv(-(end - start), stepMs));

        Map<DatasetKind, Accumulator> acc = new EnumMap<>(DatasetKind.class);
        for (DatasetKind k : DatasetKind.values()) {
            Accumulator a = new Accumulator(k, n);
            valid.get(k).forEach(r -> a.add(r, start, stepMs));
            acc.put(k, a);
        }

        Accumulator rq = acc.get(DatasetKind.REQUESTS);
        double[] requestCounts = new double[n];
        double[] replicas = new double[n];
        int unknown = 0;
        for (int i = 0; i < n; i++) {
            boolean known = rq.coverageMs[i] >= stepMs;
            requestCounts[i] = known ? rq.value(0, i) : Double.NaN;
            replicas[i] = known ? rq.value(4, i) : Double.NaN;
            unknown += known ? 0 : 1;
        }
        counter.add("requests", DataIssue.GAP, "", unknown, "");
        for (DatasetKind k : List.of(DatasetKind.LATENCY, DatasetKind.GPU)) {
            if (present.contains(k)) {
                counter.add(k.datasetName(), DataIssue.GAP, "", acc.get(k).uncoveredSteps(), "");
            }
        }

        Accumulator billing = acc.get(DatasetKind.BILLING);
        boolean billed = !valid.get(DatasetKind.BILLING).isEmpty();
        double[] cost = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = billed ? billing.sum[0][i] : Double.NaN;
        }
        if (present.contains(DatasetKind.BILLING) && !billed) {
            counter.add("billing", DataIssue.NO_COST, "", 1, "");
        }
        String currency = billed ? valid.get(DatasetKind.BILLING).get(0).currency() : "";

        Accumulator lat = acc.get(DatasetKind.LATENCY);
        Accumulator gpu = acc.get(DatasetKind.GPU);
        return new ServiceHistory(service, Instant.ofEpochMilli(start), stepSeconds, requestCounts, replicas,
                rq.series(2), rq.series(3), lat.series(0), lat.series(1), lat.series(2), gpu.series(0),
                gpu.series(1), gpu.series(2), cost, currency);
    }

    /** Per-step sums of one dataset's values, with the time each step is covered by its rows. */
    private static final class Accumulator {
        final DatasetKind kind;
        final double[][] sum;
        final double[][] weightMs;
        final double[] coverageMs;

        Accumulator(DatasetKind kind, int n) {
            this.kind = kind;
            int width = kind.columns().size();
            this.sum = new double[width][n];
            this.weightMs = new double[width][n];
            this.coverageMs = new double[n];
        }

        void add(InputRow r, long start, long stepMs) {
            int n = coverageMs.length;
            long first = Math.max(0, Math.floorDiv(r.startMs() - start, stepMs));
            long last = Math.min(n, -Math.floorDiv(-(r.endMs() - start), stepMs));
            double lengthMs = r.endMs() - r.startMs();
            for (int i = (int) first; i < last; i++) {
                long stepStart = start + i * stepMs;
                double overlap = Math.min(r.endMs(), stepStart + stepMs) - Math.max(r.startMs(), stepStart);
                if (overlap <= 0) {
                    continue;
                }
                coverageMs[i] += overlap;
                for (int c = 0; c < sum.length; c++) {
                    double v = r.values()[c];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    boolean summed = kind.columns().get(c).summed();
                    sum[c][i] += summed ? v * overlap / lengthMs : v * overlap;
                    weightMs[c][i] += overlap;
                }
            }
        }

        /** Count columns: the sum; gauges: the overlap-weighted mean; NaN where no row had a value. */
        double value(int column, int step) {
            if (weightMs[column][step] == 0) {
                return Double.NaN;
            }
            return kind.columns().get(column).summed() ? sum[column][step]
                    : sum[column][step] / weightMs[column][step];
        }

        double[] series(int column) {
            double[] s = new double[coverageMs.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = value(column, i);
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
