package dev.scalewise.model;

/**
 * Points (load per replica, value) binned into evenly spaced load bins whose means are made
 * non-decreasing by isotonic regression (pool adjacent violators, weighted by counts): the shape every
 * load relation of the model takes (latency, time in system), because a replica does not get faster
 * under more load and noisy percentiles must not make a curve jump.
 */
final class BinnedCurve {
    static final int MAX_BINS = 40;
    /** Bins hold at least this many points on average. */
    static final int POINTS_PER_BIN = 5;

    final double[] count;
    final double[] sumX;
    final double[] knots;
    final double firstX;
    final double width;

    private BinnedCurve(double[] count, double[] sumX, double[] knots, double firstX, double width) {
        this.count = count;
        this.sumX = sumX;
        this.knots = knots;
        this.firstX = firstX;
        this.width = width;
    }

    /** The first {@code m} points; {@code maxX} is the largest x among them (positive). */
    static BinnedCurve of(double[] x, double[] y, int m, double maxX) {
        int bins = Math.max(2, Math.min(MAX_BINS, m / POINTS_PER_BIN));
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
        return new BinnedCurve(count, sumX, isotonicKnots(count, sumY), width / 2, width);
    }

    int bins() {
        return knots.length;
    }

    double lastKnotX() {
        return firstX + (bins() - 1) * width;
    }

    /** The knots as a curve with the given queueing tail ({@code +Infinity}: flat beyond the last knot). */
    LatencyCurve curve(double muRps) {
        return new LatencyCurve(firstX, width, knots, Math.max(muRps, Math.nextUp(lastKnotX())));
    }

    /**
     * Share of the points' variance the curve explains, 1 - residual / total sum of squares, on log values
     * when {@code log} (multiplicative noise, as percentiles have); 1 when the points do not vary.
     */
    static double explained(LatencyCurve curve, double[] x, double[] y, int m, boolean log) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += value(y[i], log);
        }
        mean /= m;
        double total = 0;
        double residual = 0;
        for (int i = 0; i < m; i++) {
            double v = value(y[i], log);
            double r = v - value(curve.latencyMs(x[i]), log);
            total += (v - mean) * (v - mean);
            residual += r * r;
        }
        return total <= 1e-12 * Math.max(1, mean * mean * m) ? 1 : 1 - residual / total;
    }

    private static double value(double v, boolean log) {
        return log ? Math.log(Math.max(v, 1e-9)) : v;
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
     * mu of {@code L = base / (1 - x/mu)} by a weighted line through the bins' (x, 1/L); +Infinity when the
     * line does not fall (latency does not rise with load).
     */
    double queueingServiceRate() {
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
        return Math.max(-a / slope, lastKnotX() * 1.01);
    }
}
