package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;

import java.util.Locale;

/**
 * Fits a {@link ServiceModel} from one service's history and its services.yaml entry. Pure function of
 * its inputs (safe inside Spark executors). Settings from services.yaml win over estimates; numbers the
 * data cannot support come back NaN with a note rather than invented.
 */
public final class ServiceModelFitter {
    /** Signal curves need at least this many steps with the signal, load and replicas known. */
    static final int MIN_SIGNAL_SAMPLES = 10;

    private ServiceModelFitter() {
    }

    public static ServiceModel fit(ServiceHistory h, ServiceSpec spec) {
        Slo slo = spec.slo();
        String pct = slo.percentile().name().toLowerCase(Locale.ROOT);
        CapacityFitter.Result latency = CapacityFitter.fit(h, latencySeries(h, slo.percentile()), slo.thresholdMs(), pct);
        Fitted startup = spec.startupSeconds().isPresent()
                ? Fitted.configured(spec.startupSeconds().getAsDouble(), "services.yaml startupSeconds")
                : StartupEstimator.estimate(h);
        Fitted price = spec.pricePerReplicaHour().isPresent()
                ? Fitted.configured(spec.pricePerReplicaHour().getAsDouble(), "services.yaml pricePerReplicaHour")
                : priceFromBilling(h);
        return new ServiceModel(h.service(), latency.curve(), slo.percentile(), latency.capacity(),
                signalCurve(h, "gpu_util", h.gpuUtil(), true),
                signalCurve(h, "cpu_util", h.cpuUtil(), true),
                signalCurve(h, "mem_util", h.memUtil(), true),
                signalCurve(h, "concurrency", h.inFlight(), false),
                signalCurve(h, "queue_depth", h.queueDepth(), false),
                startup, price, h.currency());
    }

    /** The history's latency series for the SLO's percentile. */
    public static double[] latencySeries(ServiceHistory h, Slo.Percentile p) {
        return switch (p) {
            case P50 -> h.p50Ms();
            case P95 -> h.p95Ms();
            case P99 -> h.p99Ms();
        };
    }

    /** Cost attributed in billing over the replica-hours observed in the same steps. */
    static Fitted priceFromBilling(ServiceHistory h) {
        double cost = 0;
        double replicaHours = 0;
        long steps = 0;
        for (int i = 0; i < h.steps(); i++) {
            double c = h.cost()[i];
            double r = h.replicas()[i];
            if (Double.isFinite(c) && Double.isFinite(r)) {
                cost += c;
                replicaHours += r * h.stepSeconds() / 3600.0;
                steps++;
            }
        }
        if (!(replicaHours > 0)) {
            return Fitted.unknown(steps, "no billing cost over observed replica-hours; "
                    + "set pricePerReplicaHour in services.yaml");
        }
        return Fitted.measured(cost / replicaHours, steps, String.format(Locale.ROOT,
                "billing %.2f %s over %.1f observed replica-hours (%d steps)", cost, h.currency(), replicaHours, steps));
    }

    /**
     * Least-squares line of the signal per replica against load per replica, clamped to [0, max].
     * Utilizations are already per pod (means over pods); service totals (in flight, queue) are divided
     * by the ready replicas first.
     */
    static SignalCurve signalCurve(ServiceHistory h, String name, double[] series, boolean perPod) {
        double max = perPod ? 1 : Double.POSITIVE_INFINITY;
        LeastSquares line = new LeastSquares();
        for (int i = 0; i < h.steps(); i++) {
            double r = h.replicas()[i];
            double req = h.requests()[i];
            double v = series[i];
            if (r > 0 && Double.isFinite(r + req + v)) {
                line.add(req / h.stepSeconds() / r, perPod ? v : v / r, 1);
            }
        }
        if (line.count() < MIN_SIGNAL_SAMPLES) {
            return SignalCurve.unknown(name, line.count(), String.format(Locale.ROOT,
                    "too little data: %d steps with %s, requests and replicas; need %d",
                    line.count(), name, MIN_SIGNAL_SAMPLES));
        }
        double slope = line.slope();
        if (Double.isNaN(slope)) {
            slope = 0;
        }
        return new SignalCurve(name, line.intercept(), slope, 0, max, line.count(), Confidence.HIGH,
                String.format(Locale.ROOT, "least squares over %d steps, r² = %.2f", line.count(), line.rSquared()));
    }
}
