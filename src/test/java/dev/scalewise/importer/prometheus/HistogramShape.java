package dev.scalewise.importer.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * A cumulative histogram (share of requests at or below each bucket's upper bound) whose
 * histogram_quantile gives back a chosen percentile exactly, and the quantile Prometheus computes from
 * such a histogram (promql/quantile.go bucketQuantile: the first bucket whose cumulative count reaches
 * the rank, linear within it, lower bound 0 for the first bucket, the highest finite bound for +Inf).
 */
final class HistogramShape {
    private HistogramShape() {
    }

    /**
     * The share at each bound so that the exact percentile {@code v[exact]} sits on a straight line
     * across its bucket; the other targets are points of the curve outside that bucket when they keep
     * it monotone (then histogram_quantile puts them inside their own bucket), and are dropped otherwise.
     *
     * @param v target latencies (same unit as bounds), NaN for none
     */
    static double[] cdfAtBounds(double[] bounds, double[] qs, double[] v, int exact) {
        double vs = v[exact];
        double q = qs[exact];
        int k = 0;
        while (k < bounds.length && bounds[k] < vs) {
            k++;
        }
        if (k == bounds.length) {
            throw new IllegalArgumentException("latency " + vs + " is above the highest bucket " + bounds[k - 1]);
        }
        double lo = k == 0 ? 0 : bounds[k - 1];
        double hi = bounds[k];
        double top = bounds[bounds.length - 1];
        List<double[]> below = new ArrayList<>(List.of(new double[]{0, 0}));
        for (int j = 0; j < exact; j++) {
            if (v[j] < lo && v[j] > below.get(below.size() - 1)[0] && qs[j] < q) {
                below.add(new double[]{v[j], qs[j]});
            }
        }
        List<double[]> above = new ArrayList<>();
        for (int j = exact + 1; j < v.length; j++) {
            double lastV = above.isEmpty() ? hi : above.get(above.size() - 1)[0];
            if (v[j] > lastV && v[j] <= top && qs[j] > q) {
                above.add(new double[]{v[j], qs[j]});
            }
        }
        if (hi < top && (above.isEmpty() || above.get(above.size() - 1)[0] < top)) {
            above.add(new double[]{top, 1});
        }
        double[] prev = below.get(below.size() - 1);
        double fLo;
        double fHi;
        if (k == 0) {
            double m = q / vs; // the first bucket starts at 0 with nothing below it
            fLo = 0;
            fHi = q + m * (hi - vs);
            while (!above.isEmpty() && fHi > above.get(0)[1]) {
                above.remove(0);
            }
            if (fHi > 1) {
                throw new IllegalArgumentException("latency " + vs + " is too low for the first bucket " + hi);
            }
        } else {
            double[] next = above.isEmpty() ? new double[]{hi, 1} : above.get(0);
            double natural = (next[1] - prev[1]) / (next[0] - prev[0]);
            double mMax = (q - prev[1]) / (vs - lo);
            if (hi > vs) {
                mMax = Math.min(mMax, (next[1] - q) / (hi - vs));
            }
            double m = Math.min(natural, mMax);
            fLo = q - m * (vs - lo);
            fHi = q + m * (hi - vs);
        }
        List<double[]> curve = new ArrayList<>(below);
        if (k > 0) {
            curve.add(new double[]{lo, fLo});
        }
        curve.add(new double[]{hi, fHi});
        curve.addAll(above);
        double[] f = new double[bounds.length];
        for (int b = 0; b < bounds.length; b++) {
            f[b] = interpolate(curve, bounds[b]);
        }
        return f;
    }

    private static double interpolate(List<double[]> curve, double x) {
        for (int i = 1; i < curve.size(); i++) {
            double[] a = curve.get(i - 1);
            double[] b = curve.get(i);
            if (x <= b[0]) {
                return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
            }
        }
        return curve.get(curve.size() - 1)[1];
    }

    /** histogram_quantile over cumulative shares f at bounds (and 1 at +Inf). */
    static double quantile(double[] bounds, double[] f, double q) {
        double rank = q;
        int b = 0;
        while (b < bounds.length && f[b] < rank) {
            b++;
        }
        if (b == bounds.length) {
            return bounds[bounds.length - 1];
        }
        double start = 0;
        double count = f[b];
        if (b > 0) {
            start = bounds[b - 1];
            count -= f[b - 1];
            rank -= f[b - 1];
        }
        return start + (bounds[b] - start) * (rank / count);
    }
}
