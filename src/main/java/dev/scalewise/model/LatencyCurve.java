package dev.scalewise.model;

import java.util.Arrays;

/**
 * The SLO-percentile latency (ms) of one replica as a non-decreasing function of its load (requests per
 * second per ready replica).
 *
 * <p>Inside the observed range it is piecewise linear through evenly spaced knots (the isotonic fit of
 * binned history), so evaluation is one index computation, no search: the replay calls it every step.
 * Beyond the last knot it follows an M/M/1-like queueing tail {@code L(x) = c / (1 - x/mu)}, anchored to
 * the last knot so the curve is continuous; {@code mu} is the fitted service rate, and
 * {@code mu = +Infinity} means a flat tail (history showed no rise to extrapolate from).
 */
public final class LatencyCurve {
    private final double firstX;
    private final double widthX;
    private final double invWidth;
    private final double[] knotsMs;
    private final int last;
    private final double muRps;
    private final double invMu;
    /** knots[last] * (1 - lastX / mu): the tail's numerator. */
    private final double tailNumeratorMs;

    /**
     * @param firstX  load of the first knot (rps/replica)
     * @param widthX  spacing of the knots (rps/replica), positive
     * @param knotsMs latency at each knot, non-decreasing
     * @param muRps   service rate of the queueing tail, greater than the last knot's load; +Infinity = flat
     */
    public LatencyCurve(double firstX, double widthX, double[] knotsMs, double muRps) {
        if (knotsMs.length == 0 || !(widthX > 0) || !(firstX >= 0)) {
            throw new IllegalArgumentException("latency curve needs knots and a positive spacing");
        }
        for (int k = 1; k < knotsMs.length; k++) {
            if (knotsMs[k] < knotsMs[k - 1]) {
                throw new IllegalArgumentException("latency knots must be non-decreasing at " + k);
            }
        }
        this.firstX = firstX;
        this.widthX = widthX;
        this.invWidth = 1 / widthX;
        this.knotsMs = knotsMs.clone();
        this.last = knotsMs.length - 1;
        double lastX = firstX + last * widthX;
        if (!(muRps > lastX)) {
            throw new IllegalArgumentException("queueing tail's service rate " + muRps
                    + " must exceed the last knot's load " + lastX);
        }
        this.muRps = muRps;
        this.invMu = 1 / muRps;
        this.tailNumeratorMs = knotsMs[last] * (1 - lastX * invMu);
    }

    /** The pure queueing curve {@code baseMs / (1 - x/mu)}: the latency of an idle replica is baseMs. */
    public static LatencyCurve queueing(double baseMs, double muRps) {
        return new LatencyCurve(0, 1, new double[] {baseMs}, muRps);
    }

    /** Latency in ms at {@code rpsPerReplica}; +Infinity at or beyond the service rate. */
    public double latencyMs(double rpsPerReplica) {
        double u = (rpsPerReplica - firstX) * invWidth;
        if (u <= 0) {
            return knotsMs[0];
        }
        int k = (int) u;
        if (k < last) {
            double y0 = knotsMs[k];
            return y0 + (u - k) * (knotsMs[k + 1] - y0);
        }
        double headroom = 1 - rpsPerReplica * invMu;
        return headroom > 0 ? tailNumeratorMs / headroom : Double.POSITIVE_INFINITY;
    }

    /**
     * The smallest load at which the curve reaches {@code thresholdMs}; 0 when even an idle replica is
     * slower, +Infinity when a flat tail never gets there.
     */
    public double loadAtMs(double thresholdMs) {
        if (knotsMs[0] >= thresholdMs) {
            return 0;
        }
        for (int k = 0; k < last; k++) {
            if (knotsMs[k + 1] >= thresholdMs) {
                double f = (thresholdMs - knotsMs[k]) / (knotsMs[k + 1] - knotsMs[k]);
                return firstX + (k + f) * widthX;
            }
        }
        if (Double.isInfinite(muRps)) {
            return Double.POSITIVE_INFINITY;
        }
        // tailNumerator / (1 - x/mu) = threshold  =>  x = mu (1 - tailNumerator / threshold)
        return muRps * (1 - tailNumeratorMs / thresholdMs);
    }

    /** Load of the last knot: beyond it the curve is extrapolated. */
    public double lastKnotRps() {
        return firstX + last * widthX;
    }

    public double muRps() {
        return muRps;
    }

    public double firstX() {
        return firstX;
    }

    public double widthX() {
        return widthX;
    }

    public double[] knotsMs() {
        return knotsMs.clone();
    }

    @Override
    public String toString() {
        return "LatencyCurve[firstX=" + firstX + ", widthX=" + widthX + ", knotsMs=" + Arrays.toString(knotsMs)
                + ", muRps=" + muRps + "]";
    }
}
