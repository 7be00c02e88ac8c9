package dev.scalewise.sim.autoscaler;

/**
 * Test-only: {@link Stabilizer} as it was before the sliding-window deques (commit 9649a69), unchanged,
 * the reference {@link StabilizerEquivalenceTest} holds the new one to.
 *
 * <p>The HPA's recommendation history and its two stabilization rules (horizontal.go):
 * <ul>
 *   <li>legacy ({@code stabilizeRecommendation}, no {@code behavior}): the max of the recommendations of
 *       the last {@code --horizontal-pod-autoscaler-downscale-stabilization} (300 s) and the new one;</li>
 *   <li>behavior ({@code stabilizeRecommendationWithBehaviors}): the current replicas, raised to the min of
 *       the recommendations inside the scale-up window, lowered to the max inside the scale-down window.</li>
 * </ul>
 * Both record the unstabilized recommendation after deciding.
 */
final class ReferenceStabilizer {
    private final TimedRing history;

    ReferenceStabilizer(long longestWindowSeconds, int periodSeconds) {
        this.history = new TimedRing(longestWindowSeconds + 1, (int) (longestWindowSeconds / Math.max(1, periodSeconds)) + 2);
    }

    /** Records a recommendation (the decision paths call this themselves; tests seed history with it). */
    public void record(long now, int recommendation) {
        history.add(now, recommendation);
    }

    /** Legacy path: samples at or after {@code now - window} count (Go: not {@code Before(cutoff)}). */
    public int stabilizeLegacy(long now, int recommendation, long downscaleWindowSeconds) {
        int max = recommendation;
        long cutoff = now - downscaleWindowSeconds;
        for (int i = 0; i < history.size(); i++) {
            if (history.timeAt(i) < cutoff) {
                break;
            }
            max = Math.max(max, (int) history.valueAt(i));
        }
        record(now, recommendation);
        return max;
    }

    /** Behavior path: samples strictly after each cutoff count (Go: {@code After(cutoff)}). */
    public int stabilizeWithBehavior(long now, int recommendation, int currentReplicas, long upWindowSeconds,
                                     long downWindowSeconds) {
        int up = recommendation;
        int down = recommendation;
        long upCutoff = now - upWindowSeconds;
        long downCutoff = now - downWindowSeconds;
        long oldest = Math.min(upCutoff, downCutoff);
        for (int i = 0; i < history.size(); i++) {
            long t = history.timeAt(i);
            if (t <= oldest) {
                break;
            }
            int r = (int) history.valueAt(i);
            if (t > upCutoff) {
                up = Math.min(up, r);
            }
            if (t > downCutoff) {
                down = Math.max(down, r);
            }
        }
        int stabilized = Math.min(Math.max(currentReplicas, up), down);
        record(now, recommendation);
        return stabilized;
    }
}
