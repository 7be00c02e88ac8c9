package dev.scalewise.sim.autoscaler;

/**
 * The HPA's recommendation history and its two stabilization rules (horizontal.go):
 * <ul>
 *   <li>legacy ({@code stabilizeRecommendation}, no {@code behavior}): the max of the recommendations of
 *       the last {@code --horizontal-pod-autoscaler-downscale-stabilization} (300 s) and the new one;
 *       samples at or after {@code now - window} count (Go: not {@code Before(cutoff)});</li>
 *   <li>behavior ({@code stabilizeRecommendationWithBehaviors}): the current replicas, raised to the min of
 *       the recommendations inside the scale-up window, lowered to the max inside the scale-down window;
 *       samples strictly after each cutoff count (Go: {@code After(cutoff)}).</li>
 * </ul>
 * Both record the unstabilized recommendation after deciding.
 *
 * <p>Go rescans the whole window at every sync (40 samples for 600 s); a replay makes millions of
 * decisions, so the history lives only as {@link CadenceExtreme} block extremes over the sync cadence, one
 * per window, O(1) amortized and allocation-free. That is exact because an HPA's windows are fixed for its
 * life (a replay replays one spec) and its syncs come in time order; a time that goes back is refused.
 */
public final class Stabilizer {
    private final boolean legacy;
    private final CadenceExtreme upMin;
    private final CadenceExtreme downMax;
    private long latestSeconds = Long.MIN_VALUE;

    private Stabilizer(boolean legacy, long upWindowSeconds, long downWindowSeconds, int periodSeconds) {
        this.legacy = legacy;
        this.upMin = new CadenceExtreme(false, upWindowSeconds, periodSeconds);
        this.downMax = new CadenceExtreme(true, downWindowSeconds, periodSeconds);
    }

    /** The legacy path's rule over {@code downscaleWindowSeconds}. */
    public static Stabilizer legacy(long downscaleWindowSeconds, int periodSeconds) {
        // at or after now - window, in whole seconds, is after now - window - 1
        return new Stabilizer(true, 0, downscaleWindowSeconds + 1, periodSeconds);
    }

    /** The behavior path's rule over its scale-up and scale-down windows. */
    public static Stabilizer withBehavior(long upWindowSeconds, long downWindowSeconds, int periodSeconds) {
        return new Stabilizer(false, upWindowSeconds, downWindowSeconds, periodSeconds);
    }

    /** Records a recommendation (the decision paths call this themselves; tests seed history with it). */
    public void record(long now, int recommendation) {
        advanceTo(now);
        upMin.push(now, recommendation);
        downMax.push(now, recommendation);
    }

    /**
     * The stabilized recommendation at {@code now}, then records {@code recommendation}.
     *
     * @param currentReplicas the behavior path's starting point (the legacy rule does not read it)
     */
    public int stabilize(long now, int recommendation, int currentReplicas) {
        advanceTo(now);
        // each window's extreme with the new recommendation folded in, which records it too
        int down = downMax.include(now, recommendation);
        if (legacy) {
            return down;
        }
        int up = upMin.include(now, recommendation);
        return Math.min(Math.max(currentReplicas, up), down);
    }

    /** The deques drop samples for good as time passes, so an earlier instant could no longer be answered. */
    private void advanceTo(long now) {
        if (now < latestSeconds) {
            throw new IllegalArgumentException("stabilization times must not go back: " + now + " s after "
                    + latestSeconds + " s");
        }
        latestSeconds = now;
    }
}
