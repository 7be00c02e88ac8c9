package dev.scalewise.model;

import dev.scalewise.policy.StatedCapacity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stated beats fitted (docs/replay.md, "Stating capacity"): what services.yaml states about a replica — its
 * capacity at the SLO, its saturation throughput, latency-vs-load points inline or from load tests —
 * replaces what history shows, and every number says which was used.
 */
final class Stated {
    /** Beyond a stated capacity the curve rises as a queueing tail of this many times the capacity. */
    static final double TAIL_SERVICE_RATE = 2;

    /** The latency curve, the capacity at the SLO and the busiest load with known latency. */
    record Serving(LatencyCurve curve, Fitted capacity, Fitted busiest, double serviceRps) {
    }

    private Stated() {
    }

    static Serving serving(CapacityFitter.Result fitted, StatedCapacity s, double thresholdMs, String pct) {
        List<StatedCapacity.Point> points = s.points();
        boolean rpsStated = !Double.isNaN(s.rpsPerReplica());
        if (!points.isEmpty()) {
            return fromPoints(fitted, s, thresholdMs, pct); // at least two loads with rpsPerReplica (ServicesFile)
        }
        if (!rpsStated) {
            return new Serving(fitted.curve(), fitted.capacity(), fitted.busiest(), fitted.serviceRps());
        }
        double c = s.rpsPerReplica();
        LatencyCurve curve = anchored(fitted.capacity().known() ? fitted.curve() : null, c, thresholdMs);
        Fitted capacity = Fitted.stated(c, "services.yaml capacity." + s.loadKey() + disagreement(fitted.capacity(), c, s));
        return new Serving(curve, capacity, wider(fitted.busiest(), c, "services.yaml capacity." + s.loadKey()), Double.NaN);
    }

    /** The curve through the stated points; the capacity where it crosses the threshold, or as stated. */
    private static Serving fromPoints(CapacityFitter.Result fitted, StatedCapacity s, double thresholdMs, String pct) {
        List<StatedCapacity.Point> points = new ArrayList<>(s.points());
        double top = points.get(points.size() - 1).rpsPerReplica();
        double c = s.rpsPerReplica();
        if (!Double.isNaN(c) && c > top && points.get(points.size() - 1).latencyMs() < thresholdMs) {
            points.add(new StatedCapacity.Point(c, thresholdMs, "services.yaml capacity." + s.loadKey()));
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).rpsPerReplica();
            y[i] = points.get(i).latencyMs();
        }
        double last = x[x.length - 1];
        LatencyCurve curve = LatencyCurve.through(x, y, TAIL_SERVICE_RATE * last);
        double at = curve.loadAtMs(thresholdMs);
        String sources = sources(s.points());
        Fitted capacity;
        if (!Double.isNaN(c)) {
            capacity = Fitted.stated(c, "services.yaml capacity." + s.loadKey() + "; latency curve from " + sources);
        } else if (at <= last) {
            // not Fitted.stated: its "stated in <source>" does not read before "where ..."
            capacity = new Fitted(at, 0, Basis.STATED, Confidence.HIGH, String.format(Locale.ROOT, "where the stated %s "
                    + "latency reaches %.0f ms, from %s", pct, thresholdMs, sources) + disagreement(fitted.capacity(), at, s));
        } else {
            // the points never reach the threshold: beyond them nothing is known, so the curve stays flat there
            curve = LatencyCurve.through(x, y, Double.POSITIVE_INFINITY);
            capacity = Fitted.lowerBound(last, points.size(), String.format(Locale.ROOT, "at least this (lower bound): "
                    + "the stated %s latency stays below %.0f ms up to %.3g %s/replica (%s)", pct, thresholdMs, last,
                    s.unit(), sources));
        }
        return new Serving(curve, capacity, wider(fitted.busiest(), last, sources), Double.NaN);
    }

    /**
     * A fitted curve bent to pass through the stated capacity at the threshold: its knots below the capacity
     * (and below the threshold) kept, then a line to (capacity, threshold), then a rising tail. Without a
     * fitted curve, from half the threshold at no load.
     */
    static LatencyCurve anchored(LatencyCurve fitted, double capacity, double thresholdMs) {
        List<double[]> kept = new ArrayList<>();
        if (fitted != null) {
            double[] knots = fitted.knotsMs();
            for (int k = 0; k < knots.length; k++) {
                double x = fitted.firstX() + k * fitted.widthX();
                if (x < capacity && knots[k] < thresholdMs) {
                    kept.add(new double[] {x, knots[k]});
                }
            }
        }
        if (kept.isEmpty()) {
            kept.add(new double[] {0, fitted == null ? thresholdMs / 2 : Math.min(fitted.latencyMs(0), thresholdMs / 2)});
        }
        kept.add(new double[] {capacity, thresholdMs});
        double[] x = new double[kept.size()];
        double[] y = new double[kept.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = kept.get(i)[0];
            y[i] = kept.get(i)[1];
        }
        return LatencyCurve.through(x, y, TAIL_SERVICE_RATE * capacity);
    }

    /** The saturation throughput as stated, else the most a load test served, else the fitted one. */
    static Fitted saturation(StatedCapacity s, Fitted capacity, Fitted fitted) {
        if (!Double.isNaN(s.saturationRpsPerReplica())) {
            return Fitted.stated(s.saturationRpsPerReplica(), "services.yaml capacity." + s.saturationKey());
        }
        if (s.maxLoadTestRps() >= capacity.value() && s.maxLoadTestRps() > fitted.value()) {
            return Fitted.stated(s.maxLoadTestRps(), "the highest throughput per replica a stated load test reached "
                    + "(a replica serves at least that)");
        }
        return fitted;
    }

    /** The busiest known load: history's, or the stated one when that goes further. */
    private static Fitted wider(Fitted history, double stated, String source) {
        return history.known() && history.value() >= stated ? history : Fitted.stated(stated, source);
    }

    private static String disagreement(Fitted fitted, double stated, StatedCapacity s) {
        if (fitted.basis() != Basis.MEASURED || Math.abs(fitted.value() / stated - 1) <= 0.10) {
            return "";
        }
        return String.format(Locale.ROOT, " (history measured %.3g %s/replica: %+.0f%%; calibrate shows which fits)",
                fitted.value(), s.unit(), (fitted.value() / stated - 1) * 100);
    }

    private static String sources(List<StatedCapacity.Point> points) {
        Set<String> s = new LinkedHashSet<>();
        points.forEach(p -> s.add(p.source()));
        return s.size() <= 3 ? String.join(", ", s) : s.size() + " stated points (" + s.iterator().next() + ", ...)";
    }
}
