package dev.scalewise.sim.autoscaler;

/**
 * The decision core of Knative's autoscaler, one call per tick (knative/serving
 * {@code pkg/autoscaler/scaling/autoscaler.go} {@code Scale}), on the stable- and panic-window averages
 * of the revision's total concurrency (or RPS):
 * <ol>
 *   <li>desired stable/panic pods = ceil(observed / target per pod), each kept within
 *       [floor(ready / maxScaleDownRate), ceil(ready x maxScaleUpRate)] with ready taken as at least 1;</li>
 *   <li>an activation scale above 1 raises any non-zero desire to it;</li>
 *   <li>panic starts when desired panic pods / ready >= panic threshold, is extended while that holds,
 *       and ends a stable window after it last held; in panic the larger of the two desires counts and
 *       the count never goes down;</li>
 *   <li>a scale-down delay keeps the highest desire of the last {@code delay} seconds.</li>
 * </ol>
 */
public final class KpaDecider {
    private static final long NOT_PANICKING = Long.MIN_VALUE;

    private final double targetValue;
    private final double panicThreshold;
    private final double maxScaleUpRate;
    private final double maxScaleDownRate;
    private final long stableWindowSeconds;
    private final int activationScale;
    private final CadenceExtreme delayWindow;
    private long panicTime = NOT_PANICKING;
    private int maxPanicPods;

    /**
     * @param targetValue    per-pod target, already multiplied by the target utilization
     * @param panicThreshold ratio desired panic pods / ready pods (2.0 for 200 %)
     */
    public KpaDecider(double targetValue, double panicThreshold, double maxScaleUpRate, double maxScaleDownRate,
                      long stableWindowSeconds, int activationScale, long scaleDownDelaySeconds, int tickSeconds) {
        this.targetValue = targetValue;
        this.panicThreshold = panicThreshold;
        this.maxScaleUpRate = maxScaleUpRate;
        this.maxScaleDownRate = maxScaleDownRate;
        this.stableWindowSeconds = stableWindowSeconds;
        this.activationScale = activationScale;
        this.delayWindow = new CadenceExtreme(true, scaleDownDelaySeconds, tickSeconds);
    }

    /** Starts in panic holding {@code pods} (upstream does so when created over more than one ready pod). */
    public void panicSince(long now, int pods) {
        panicTime = now;
        maxPanicPods = pods;
    }

    public boolean panicking() {
        return panicTime != NOT_PANICKING;
    }

    /** The desired pod count for this tick. */
    public int scale(long now, int readyPods, double observedStable, double observedPanic) {
        double ready = Math.max(1, readyPods);
        double maxScaleUp = Math.ceil(maxScaleUpRate * ready);
        double maxScaleDown = Math.floor(ready / maxScaleDownRate);
        double dspc = Math.ceil(observedStable / targetValue);
        double dppc = Math.ceil(observedPanic / targetValue);
        int desiredStable = (int) Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
        int desiredPanic = (int) Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);
        if (activationScale > 1) {
            if (dspc > 0 && activationScale > desiredStable) {
                desiredStable = activationScale;
            }
            if (dppc > 0 && activationScale > desiredPanic) {
                desiredPanic = activationScale;
            }
        }

        boolean overPanicThreshold = dppc / ready >= panicThreshold;
        if (overPanicThreshold) {
            panicTime = now; // begin, or extend
        } else if (panicking() && panicTime + stableWindowSeconds < now) {
            panicTime = NOT_PANICKING; // the surge has made its way into the stable window
            maxPanicPods = 0;
        }

        int desired = desiredStable;
        if (panicking()) {
            desired = Math.max(desired, desiredPanic);
            maxPanicPods = Math.max(maxPanicPods, desired); // no scale-down in panic
            desired = maxPanicPods;
        }
        // the max over the delay window (none without a delay), kept as block extremes over the ticks: a
        // 5 min delay spans 150 ticks
        return delayWindow.include(now, desired);
    }
}
