package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;

import java.util.Arrays;
import java.util.Locale;

/**
 * Estimates startup seconds from history when services.yaml does not state it: for each step where
 * ready replicas went up, walk back to the latest demand step-up (a step at least 10 % above the one
 * before) within 30 minutes; the lag is the time from that step to the step the replicas were ready. The median over such events is an upper
 * bound of the startup time, because it also contains the autoscaler's own reaction time.
 */
final class StartupEstimator {
    static final double DEFAULT_STARTUP_SECONDS = 120;
    static final int MIN_EVENTS = 3;
    /** Look back at most this long for the demand rise behind a scale-up. */
    static final int MAX_LOOKBACK_SECONDS = 1800;
    /** A demand step-up: one step's requests exceed the previous step's by this share. */
    static final double STEP_UP = 0.10;

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
            int floor = Math.max(1, i - lookbackSteps);
            for (int j = i - 1; j >= floor; j--) {
                if (req[j - 1] > 0 && req[j] > req[j - 1] * (1 + STEP_UP)) {
                    lags[events++] = (double) (i - j) * h.stepSeconds();
                    break;
                }
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
        return Fitted.upperBound(median, events, String.format(Locale.ROOT,
                "median lag from a demand rise to ready replicas over %d scale-ups, at %d s resolution; "
                        + "an upper bound (includes the autoscaler's reaction)", events, h.stepSeconds()));
    }
}
