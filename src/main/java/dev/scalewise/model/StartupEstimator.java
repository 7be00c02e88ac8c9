package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;

import java.util.Arrays;
import java.util.Locale;

/**
 * Estimates startup seconds from history when services.yaml does not state it: for each step where
 * ready replicas went up, walk back to the start of the demand rise that preceded it; the lag is the
 * time from that start to the step the replicas were ready. The median over such events is an upper
 * bound of the startup time, because it also contains the autoscaler's own reaction time.
 */
final class StartupEstimator {
    static final double DEFAULT_STARTUP_SECONDS = 120;
    static final int MIN_EVENTS = 3;
    /** Look back at most this long for the demand rise behind a scale-up. */
    static final int MAX_LOOKBACK_SECONDS = 1800;
    /** A step counts as still rising when it is within this share of the next one (absorbs noise). */
    static final double RISE_TOLERANCE = 0.02;

    private StartupEstimator() {
    }

    static Fitted estimate(ServiceHistory h) {
        double[] req = h.requests();
        double[] rep = h.replicas();
        int lookbackSteps = Math.max(1, MAX_LOOKBACK_SECONDS / h.stepSeconds());
        double[] lags = new double[h.steps()];
        int events = 0;
        for (int i = 1; i < h.steps(); i++) {
            if (!(rep[i] >= rep[i - 1] + 0.5)) {
                continue;
            }
            int j = i - 1;
            int floor = Math.max(1, i - lookbackSteps);
            while (j > floor && req[j - 1] < req[j] * (1 - RISE_TOLERANCE)) {
                j--;
            }
            if (j < i - 1 && Double.isFinite(req[j]) && req[i - 1] > req[j]) {
                lags[events++] = (double) (i - j) * h.stepSeconds();
            }
        }
        if (events < MIN_EVENTS) {
            return Fitted.byDefault(DEFAULT_STARTUP_SECONDS, String.format(Locale.ROOT,
                    "default: only %d scale-up(s) following a demand rise in history (need %d); "
                            + "set startupSeconds in services.yaml", events, MIN_EVENTS));
        }
        double[] sorted = Arrays.copyOf(lags, events);
        Arrays.sort(sorted);
        double median = sorted[events / 2];
        return Fitted.estimated(median, events, String.format(Locale.ROOT,
                "median lag from a demand rise to ready replicas over %d scale-ups, at %d s resolution; "
                        + "an upper bound (includes the autoscaler's reaction)", events, h.stepSeconds()));
    }
}
