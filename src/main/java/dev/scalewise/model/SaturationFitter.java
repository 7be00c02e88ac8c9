package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;

import java.util.Arrays;
import java.util.Locale;

/**
 * The saturation throughput of a replica: the rate at which it drains a backlog, which is above the load
 * at which it still meets the SLO (docs/replay.md, "Service model"). In order of preference:
 * <ol>
 *   <li>measured: the median load per replica over steps where requests waited (mean queue depth of at
 *       least {@link #SATURATED_QUEUE_PER_REPLICA} per ready replica), when history has
 *       {@link #MIN_SATURATED_STEPS} such steps: a replica with requests waiting serves as fast as it can;</li>
 *   <li>the service rate of the queueing curve fitted to latency, when latency rose with load and that rate
 *       lies within the extrapolation limit (extrapolated, LOW);</li>
 *   <li>a conservative default: the capacity at the SLO itself (a backlog drains no faster than the load
 *       that still meets the SLO, which overstates breaches after a burst rather than hiding them).</li>
 * </ol>
 * Never below the capacity at the SLO (a replica serves at least that).
 */
final class SaturationFitter {
    static final double SATURATED_QUEUE_PER_REPLICA = 1;
    static final int MIN_SATURATED_STEPS = 5;
    /** HIGH needs this many saturated steps whose middle half lies within {@link #MAX_SPREAD} of the median. */
    static final int HIGH_SATURATED_STEPS = 10;
    static final double MAX_SPREAD = 0.15;

    private SaturationFitter() {
    }

    /** Whether step i shows requests waiting on every ready replica (such steps say nothing about the SLO load). */
    static boolean saturated(ServiceHistory h, int i) {
        double r = h.replicas()[i];
        return r > 0 && h.queueDepth()[i] / r >= SATURATED_QUEUE_PER_REPLICA;
    }

    static Fitted fit(ServiceHistory h, Fitted capacity, double serviceRps) {
        if (!capacity.known()) {
            return Fitted.unknown(0, "unknown without a capacity per replica (" + capacity.note() + ")");
        }
        double[] loads = new double[h.steps()];
        int n = 0;
        for (int i = 0; i < h.steps(); i++) {
            double req = h.requests()[i];
            if (saturated(h, i) && req >= 0 && Double.isFinite(req)) {
                loads[n++] = req / h.stepSeconds() / h.replicas()[i];
            }
        }
        Fitted found;
        if (n >= MIN_SATURATED_STEPS) {
            double[] s = Arrays.copyOf(loads, n);
            Arrays.sort(s);
            double median = s[n / 2];
            double spread = Math.max(median - s[n / 4], s[(3 * n) / 4] - median) / median;
            String note = String.format(Locale.ROOT, "median load per replica over %d steps with at least %.0f request "
                    + "waiting per ready replica (middle half within %.0f%% of it)", n, SATURATED_QUEUE_PER_REPLICA,
                    spread * 100);
            found = n >= HIGH_SATURATED_STEPS && spread <= MAX_SPREAD ? Fitted.measured(median, n, note)
                    : Fitted.of(median, n, Basis.MEASURED, Confidence.LOW, note + String.format(Locale.ROOT,
                    "; low: HIGH needs %d steps within %.0f%%", HIGH_SATURATED_STEPS, MAX_SPREAD * 100));
        } else if (Double.isFinite(serviceRps)) {
            found = Fitted.extrapolated(serviceRps, capacity.sampleSize(), String.format(Locale.ROOT,
                    "the service rate of the queueing curve fitted to latency (%d steps with a queue; %d needed to "
                            + "measure it)", n, MIN_SATURATED_STEPS));
        } else {
            return Fitted.byDefault(capacity.value(), String.format(Locale.ROOT, "default: the capacity at the SLO "
                    + "(conservative: backlogs drain no faster than the load that meets the SLO); history shows no "
                    + "saturation (%d steps with a queue, %d needed, and no queueing curve)", n, MIN_SATURATED_STEPS));
        }
        if (found.value() < capacity.value()) {
            return Fitted.of(capacity.value(), found.sampleSize(), found.basis(), Confidence.LOW, String.format(
                    Locale.ROOT, "the capacity at the SLO: %s gave %.3g rps/replica, below it", found.note(), found.value()));
        }
        return found;
    }
}
