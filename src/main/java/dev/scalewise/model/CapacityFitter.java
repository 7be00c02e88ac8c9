package dev.scalewise.model;

import dev.scalewise.Numbers;
import dev.scalewise.data.ServiceHistory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Fits the latency-vs-load curve and the capacity per replica (the load at which the SLO percentile reaches
 * the threshold) from history, and says what the capacity is (docs/replay.md, "Service model"):
 *
 * <ul>
 *   <li><b>measured</b> when the curve reaches the threshold inside the observed load;</li>
 *   <li><b>extrapolated</b> when latency clearly rises with load but never reached the threshold: along an
 *       M/M/1-like tail, at most {@link #MAX_EXTRAPOLATION} times the busiest load history held;</li>
 *   <li>a <b>lower bound</b> (the busiest load history held) when latency did not rise with load, or when
 *       the extrapolation would go further than that: history then shows only that a replica managed at
 *       least this much within the SLO.</li>
 * </ul>
 *
 * The busiest load is not the single highest step but the load history held in at least
 * {@link #BUSIEST_MIN_STEPS} steps and {@link #BUSIEST_SHARE} of them: one step's load is noise, and its
 * peak depends on the step's length (a 57 s step peaks higher than a 60 s one over the same data).
 */
final class CapacityFitter {
    /** Fewer usable steps than this and no number is fitted. */
    static final int MIN_SAMPLES = 30;
    static final int BUSIEST_MIN_STEPS = 3;
    static final double BUSIEST_SHARE = 0.01;
    /**
     * Latency "rises with load" when log latency grows by at least this much over the observed load range
     * (10 %) and the rise is at least {@link #RISE_MIN_T} standard errors from none.
     */
    static final double RISE_MIN_LOG = Math.log(1.10);
    static final double RISE_MIN_T = 3;
    /** An extrapolated capacity goes at most this many times beyond the busiest load history held. */
    static final double MAX_EXTRAPOLATION = 2;
    /** HIGH needs history near the capacity: points at >= this share of it ... */
    static final double NEAR_CAPACITY = 0.9;

    /**
     * @param curve      the latency curve (flat beyond the observed load unless latency rose with it)
     * @param capacity   load per replica at the SLO threshold, with what it is
     * @param busiest    the busiest load per replica history held (the end of what it shows)
     * @param serviceRps the queueing curve's service rate where latency rose with load and the rate lies
     *                   within {@link #MAX_EXTRAPOLATION} of the busiest load; NaN otherwise
     */
    record Result(LatencyCurve curve, Fitted capacity, Fitted busiest, double serviceRps) {
    }

    private CapacityFitter() {
    }

    /** Steps with requests, ready replicas and latency: (load per replica, latency), the first m of x and y. */
    record Points(double[] x, double[] y, int m, double maxX) {
        static Points of(ServiceHistory h, double[] latencyMs) {
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
            return new Points(x, y, m, maxX);
        }

        /** The isotonic binned curve through the points, flat beyond them; empty with too few points. */
        Optional<LatencyCurve> flatCurve() {
            return m < MIN_SAMPLES ? Optional.empty()
                    : Optional.of(BinnedCurve.of(x, y, m, maxX).curve(Double.POSITIVE_INFINITY));
        }
    }

    static Result fit(ServiceHistory h, double[] latencyMs, double thresholdMs, String percentileName) {
        Points p = Points.of(h, latencyMs);
        double[] x = p.x();
        double[] y = p.y();
        int m = p.m();
        double maxX = p.maxX();
        if (m < MIN_SAMPLES) {
            String why = String.format(Locale.ROOT,
                    "too little data: %d steps with requests, replicas and %s latency; need %d",
                    m, percentileName, MIN_SAMPLES);
            return new Result(LatencyCurve.queueing(1, Double.POSITIVE_INFINITY), Fitted.unknown(m, why),
                    Fitted.unknown(m, why), Double.NaN);
        }
        double busiest = busiest(x, m);
        BinnedCurve bins = BinnedCurve.of(x, y, m, maxX);
        Rise rise = rise(x, y, m, busiest);
        double mu = rise.rises() ? bins.queueingServiceRate() : Double.POSITIVE_INFINITY;
        LatencyCurve curve = bins.curve(mu);
        double at = curve.loadAtMs(thresholdMs);
        Fitted busiestLoad = Fitted.measured(busiest, m, String.format(Locale.ROOT,
                "the busiest load per replica history held in at least %d of its %d steps with %s latency",
                busiestSteps(m), m, percentileName));
        String seen = String.format(Locale.ROOT, "the busiest load history held, %s rps/replica, saw %.0f ms "
                + "(%.0f%% of the %.0f ms threshold); %s", Numbers.readable(busiest), curve.latencyMs(busiest),
                100 * curve.latencyMs(busiest) / thresholdMs, thresholdMs, rise.describe());
        double serviceRps = Double.isFinite(mu) && mu <= MAX_EXTRAPOLATION * busiest ? mu : Double.NaN;
        if (at <= bins.lastKnotX()) {
            LatencyCurve measuredCurve = curve;
            return new Result(measuredCurve, measured(measuredCurve, at, thresholdMs, x, y, m, percentileName),
                    busiestLoad, serviceRps);
        }
        if (Double.isFinite(at) && at <= MAX_EXTRAPOLATION * busiest) {
            return new Result(curve, Fitted.extrapolated(at, m, String.format(Locale.ROOT,
                    "extrapolated to %.1fx the busiest load history held, along an M/M/1-like curve (service rate "
                            + "%s rps/replica): %s", at / busiest, Numbers.readable(mu), seen)), busiestLoad, serviceRps);
        }
        String why = Double.isFinite(at) ? String.format(Locale.ROOT, "an M/M/1-like extrapolation would put it "
                + "at %s rps/replica, %sx beyond the busiest load, too far to use (at most %.0fx)",
                Numbers.readable(at), Numbers.readable(at / busiest), MAX_EXTRAPOLATION) : "latency did not rise with load";
        // beyond the busiest load nothing is known: the curve stays flat there, the bound is where history ends
        return new Result(bins.curve(Double.POSITIVE_INFINITY), Fitted.lowerBound(busiest, m,
                "at least this (lower bound): " + why + "; " + seen), busiestLoad, serviceRps);
    }

    /** The SLO crossing inside the observed load: HIGH when history was near it and the curve fits. */
    private static Fitted measured(LatencyCurve curve, double at, double thresholdMs, double[] x, double[] y, int m,
                                   String pct) {
        int near = 0;
        for (int i = 0; i < m; i++) {
            if (x[i] >= NEAR_CAPACITY * at) {
                near++;
            }
        }
        double explained = BinnedCurve.explained(curve, x, y, m, true);
        int needNear = busiestSteps(m);
        boolean high = near >= needNear && explained >= FitQuality.HIGH_EXPLAINED;
        String where = at == 0
                ? String.format(Locale.ROOT, "%s latency exceeds %.0f ms even at the lowest observed load; the service "
                + "cannot meet its SLO", pct, thresholdMs)
                : String.format(Locale.ROOT, "%s latency reaches %.0f ms at %s rps/replica, inside the observed load",
                pct, thresholdMs, Numbers.readable(at));
        String quality = String.format(Locale.ROOT, "%d of %d steps at >= %.0f%% of it, the curve explains %.0f%% of "
                + "the variance of log latency", near, m, NEAR_CAPACITY * 100, explained * 100);
        if (high) {
            return Fitted.measured(at, m, where + " (" + quality + ")");
        }
        String failed = near < needNear
                ? String.format(Locale.ROOT, "fewer than %d steps near it", needNear)
                : String.format(Locale.ROOT, "the curve explains less than %.0f%%", FitQuality.HIGH_EXPLAINED * 100);
        return Fitted.of(at, m, Basis.MEASURED, Confidence.LOW, where + " (" + quality + "; low: " + failed + ")");
    }

    /** Whether latency rises with load across the observed range (log latency on load, per point). */
    record Rise(double logRise, double t) {
        boolean rises() {
            return logRise >= RISE_MIN_LOG && t >= RISE_MIN_T;
        }

        String describe() {
            return rises() ? String.format(Locale.ROOT, "latency rose %.0f%% over the observed load (t = %.1f)",
                    (Math.exp(logRise) - 1) * 100, t)
                    : String.format(Locale.ROOT, "latency did not rise clearly with load (%+.0f%% over the observed "
                    + "load, t = %.1f; a rise needs >= %.0f%% and t >= %.0f)", (Math.exp(logRise) - 1) * 100,
                    Double.isNaN(t) ? 0 : t, (Math.exp(RISE_MIN_LOG) - 1) * 100, RISE_MIN_T);
        }
    }

    static Rise rise(double[] x, double[] y, int m, double busiest) {
        LeastSquares line = new LeastSquares();
        double minX = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            line.add(x[i], Math.log(y[i]), 1);
            minX = Math.min(minX, x[i]);
        }
        double slope = line.slope();
        return Double.isNaN(slope) ? new Rise(0, Double.NaN) : new Rise(slope * (busiest - minX), line.slopeT());
    }

    static int busiestSteps(int m) {
        return Math.max(BUSIEST_MIN_STEPS, (int) Math.ceil(BUSIEST_SHARE * m));
    }

    /** The {@link #busiestSteps}-th largest of the first {@code m} values of x. */
    static double busiest(double[] x, int m) {
        double[] sorted = Arrays.copyOf(x, m);
        Arrays.sort(sorted);
        return sorted[Math.max(0, m - busiestSteps(m))];
    }
}
