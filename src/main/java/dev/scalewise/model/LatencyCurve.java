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
 * {@code mu = +Infinity} means a flat tail (history showed no rise to extrapolate from). Where the tail
 * reaches ten times the last knot's latency (its headroom {@code 1 - x/mu} a tenth of the last knot's)
 * a stationary queueing formula stops meaning anything: the curve goes on along its tangent there,
 * finite and rising, and the replay's fluid backlog carries the overload.
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
    /** Where the tail turns into its tangent (+Infinity for a flat tail), its latency there and its slope. */
    private final double tangentX;
    private final double tangentMs;
    private final double tangentSlope;

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
        double headroom = (1 - lastX * invMu) / TANGENT_LATENCY_FACTOR;
        this.tangentX = Double.isInfinite(muRps) ? Double.POSITIVE_INFINITY : muRps * (1 - headroom);
        this.tangentMs = tailNumeratorMs / headroom;
        this.tangentSlope = tailNumeratorMs * invMu / (headroom * headroom);
    }

    /** The tail turns into its tangent where it reaches this many times the last knot's latency. */
    static final double TANGENT_LATENCY_FACTOR = 10;

    /** Knots a curve through arbitrary points is resampled on. */
    static final int RESAMPLED_KNOTS = 64;

    /**
     * The curve through points (load ascending; latencies made non-decreasing by a running maximum), piecewise
     * linear between them and resampled on {@link #RESAMPLED_KNOTS} evenly spaced knots from the first load to
     * the last (both points exactly on the curve), with the queueing tail {@code muRps} beyond the last.
     */
    public static LatencyCurve through(double[] loads, double[] latenciesMs, double muRps) {
        int n = loads.length;
        if (n < 2 || latenciesMs.length != n) {
            throw new IllegalArgumentException("a curve through points needs at least two, found " + n);
        }
        double first = loads[0];
        double last = loads[n - 1];
        if (!(last > first)) {
            throw new IllegalArgumentException("points need two different loads, found only " + first);
        }
        double[] ys = latenciesMs.clone();
        for (int i = 1; i < n; i++) {
            ys[i] = Math.max(ys[i], ys[i - 1]);
        }
        double width = (last - first) / (RESAMPLED_KNOTS - 1);
        double[] knots = new double[RESAMPLED_KNOTS];
        int seg = 0;
        for (int k = 0; k < RESAMPLED_KNOTS; k++) {
            double x = k == RESAMPLED_KNOTS - 1 ? last : first + k * width;
            while (seg < n - 2 && loads[seg + 1] < x) {
                seg++;
            }
            double x0 = loads[seg];
            double x1 = loads[seg + 1];
            double f = x1 > x0 ? Math.min(1, Math.max(0, (x - x0) / (x1 - x0))) : 1;
            knots[k] = ys[seg] + f * (ys[seg + 1] - ys[seg]);
        }
        for (int k = 1; k < RESAMPLED_KNOTS; k++) {
            knots[k] = Math.max(knots[k], knots[k - 1]);
        }
        return new LatencyCurve(first, width, knots, Math.max(muRps, Math.nextUp(last)));
    }

    /** The pure queueing curve {@code baseMs / (1 - x/mu)}: the latency of an idle replica is baseMs. */
    public static LatencyCurve queueing(double baseMs, double muRps) {
        return new LatencyCurve(0, 1, new double[] {baseMs}, muRps);
    }

    /** Latency in ms at {@code rpsPerReplica}: finite at every load. */
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
        if (rpsPerReplica >= tangentX) {
            return tangentMs + (rpsPerReplica - tangentX) * tangentSlope;
        }
        return tailNumeratorMs / (1 - rpsPerReplica * invMu);
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
        if (thresholdMs >= tangentMs) {
            return tangentX + (thresholdMs - tangentMs) / tangentSlope;
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
