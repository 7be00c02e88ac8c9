package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;

import java.util.Locale;

/**
 * Fits the latency-vs-load curve and the capacity per replica from history.
 *
 * <p>Steps with known requests, ready replicas and SLO-percentile latency give points (load per
 * replica, latency). They are binned into evenly spaced load bins; the bin means are made
 * non-decreasing by isotonic regression (pool adjacent violators, weighted by sample counts), because
 * a replica never gets faster under more load and noisy percentiles must not make capacity jump.
 * Beyond the busiest bin the curve is extrapolated with an M/M/1-like tail {@code L = base/(1 - x/mu)}
 * whose {@code mu} comes from a weighted line through {@code 1/L = 1/base - x/(base mu)}.
 *
 * <p>Capacity is where the curve reaches the SLO threshold: HIGH confidence when that happens inside
 * the observed range, LOW when it is extrapolated (history never got near the threshold).
 */
final class CapacityFitter {
    /** Fewer usable steps than this and no number is fitted. */
    static final int MIN_SAMPLES = 30;
    static final int MAX_BINS = 40;
    /** Bins hold at least this many samples on average. */
    static final int SAMPLES_PER_BIN = 5;

    record Result(LatencyCurve curve, Fitted capacity) {
    }

    private CapacityFitter() {
    }

    static Result fit(ServiceHistory h, double[] latencyMs, double thresholdMs, String percentileName) {
        int n = h.steps();
        double[] x = new double[n];
        double[] y = new double[n];
        int m = 0;
        double maxX = 0;
        for (int i = 0; i < n; i++) {
            double r = h.replicas()[i];
            double req = h.requests()[i];
            double lat = latencyMs[i];
            if (r > 0 && req > 0 && lat > 0 && Double.isFinite(r + req + lat)) {
                x[m] = req / h.stepSeconds() / r;
                y[m] = lat;
                maxX = Math.max(maxX, x[m]);
                m++;
            }
        }
        if (m < MIN_SAMPLES) {
            return new Result(LatencyCurve.queueing(1, Double.POSITIVE_INFINITY), Fitted.unknown(m, String.format(
                    Locale.ROOT, "too little data: %d steps with requests, replicas and %s latency; need %d",
                    m, percentileName, MIN_SAMPLES)));
        }
        int bins = Math.max(2, Math.min(MAX_BINS, m / SAMPLES_PER_BIN));
        double width = maxX / bins;
        double[] count = new double[bins];
        double[] sumX = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < m; i++) {
            int b = Math.min(bins - 1, (int) (x[i] / width));
            count[b]++;
            sumX[b] += x[i];
            sumY[b] += y[i];
        }
        double[] knots = isotonicKnots(count, sumY);
        double firstX = width / 2;
        double mu = queueingServiceRate(count, sumX, knots, firstX + (bins - 1) * width);
        LatencyCurve curve = new LatencyCurve(firstX, width, knots, mu);
        return new Result(curve, capacity(curve, thresholdMs, m, maxX, knots[bins - 1], percentileName));
    }

    /** Bin means made non-decreasing (weighted PAVA); empty bins interpolate between their neighbours. */
    static double[] isotonicKnots(double[] count, double[] sumY) {
        int bins = count.length;
        double[] mean = new double[bins];
        double[] weight = new double[bins];
        int[] first = new int[bins];
        int blocks = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                continue;
            }
            mean[blocks] = sumY[b] / count[b];
            weight[blocks] = count[b];
            first[blocks] = b;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double w = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / w;
                weight[blocks - 2] = w;
                blocks--;
            }
        }
        double[] knots = new double[bins];
        int block = 0;
        for (int b = 0; b < bins; b++) {
            while (block + 1 < blocks && first[block + 1] <= b) {
                block++;
            }
            knots[b] = mean[block];
        }
        fillEmptyBins(count, knots);
        return knots;
    }

    /** Within a pooled block every bin has the block mean; empty bins between blocks ramp linearly. */
    private static void fillEmptyBins(double[] count, double[] knots) {
        int prev = -1;
        for (int b = 0; b < knots.length; b++) {
            if (count[b] == 0) {
                continue;
            }
            if (prev >= 0 && b - prev > 1) {
                for (int e = prev + 1; e < b; e++) {
                    knots[e] = knots[prev] + (knots[b] - knots[prev]) * (e - prev) / (b - prev);
                }
            }
            prev = b;
        }
    }

    /**
     * mu of {@code L = base / (1 - x/mu)} by a weighted line through (x, 1/L); +Infinity when latency
     * does not rise with load. Kept above the last knot so the anchored tail stays finite there.
     */
    static double queueingServiceRate(double[] count, double[] sumX, double[] knots, double lastKnotX) {
        LeastSquares line = new LeastSquares();
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                line.add(sumX[b] / count[b], 1 / knots[b], count[b]);
            }
        }
        double a = line.intercept();
        double slope = line.slope();
        if (!(slope < 0) || !(a > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(-a / slope, lastKnotX * 1.01);
    }

    private static Fitted capacity(LatencyCurve curve, double thresholdMs, int samples, double maxX,
                                   double topLatencyMs, String pct) {
        double at = curve.loadAtMs(thresholdMs);
        if (at == 0) {
            return Fitted.estimated(0, samples, String.format(Locale.ROOT,
                    "%s latency exceeds %.0f ms even at the lowest observed load; the service cannot meet its SLO",
                    pct, thresholdMs));
        }
        if (at <= curve.lastKnotRps()) {
            return Fitted.measured(at, samples, String.format(Locale.ROOT,
                    "%s latency reaches %.0f ms at %.3g rps/replica, inside the observed load (%d steps)",
                    pct, thresholdMs, at, samples));
        }
        String observed = String.format(Locale.ROOT, "the busiest load seen, %.3g rps/replica, reached %.0f ms "
                + "(%.0f%% of the %.0f ms threshold)", maxX, topLatencyMs, 100 * topLatencyMs / thresholdMs, thresholdMs);
        if (Double.isInfinite(at)) {
            return Fitted.estimated(maxX, samples, "at least this (lower bound): latency did not rise with load; "
                    + observed);
        }
        return Fitted.estimated(at, samples, String.format(Locale.ROOT,
                "extrapolated with an M/M/1-like curve (service rate %.3g rps/replica): %s", curve.muRps(), observed));
    }
}
