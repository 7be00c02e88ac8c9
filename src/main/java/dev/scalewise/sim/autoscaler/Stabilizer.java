package dev.scalewise.sim.autoscaler;

/**
 * The HPA's recommendation history and its two stabilization rules (horizontal.go):
 * <ul>
 *   <li>legacy ({@code stabilizeRecommendation}, no {@code behavior}): the max of the recommendations of
 *       the last {@code --horizontal-pod-autoscaler-downscale-stabilization} (300 s) and the new one;</li>
 *   <li>behavior ({@code stabilizeRecommendationWithBehaviors}): the current replicas, raised to the min of
 *       the recommendations inside the scale-up window, lowered to the max inside the scale-down window.</li>
 * </ul>
 * Both record the unstabilized recommendation after deciding.
 */
public final class Stabilizer {
    // the recommendation history, kept as its running max and min over any window up to the longest
    private final SlidingExtreme highs;
    private final SlidingExtreme lows;

    /** @param periodSeconds unused (the history no longer needs sizing by it); kept for callers */
    public Stabilizer(long longestWindowSeconds, int periodSeconds) {
        // +1: the legacy rule keeps a sample exactly at the cutoff
        this.highs = new SlidingExtreme(true, longestWindowSeconds + 1);
        this.lows = new SlidingExtreme(false, longestWindowSeconds + 1);
    }

    /** Records a recommendation (the decision paths call this themselves; tests seed history with it). */
    public void record(long now, int recommendation) {
        highs.add(now, recommendation);
        lows.add(now, recommendation);
    }

    /** Legacy path: samples at or after {@code now - window} count (Go: not {@code Before(cutoff)}). */
    public int stabilizeLegacy(long now, int recommendation, long downscaleWindowSeconds) {
        // whole seconds: t >= now - window is t > now - window - 1
        int max = Math.max(recommendation, highs.after(now - downscaleWindowSeconds - 1, recommendation));
        record(now, recommendation);
        return max;
    }

    /** Behavior path: samples strictly after each cutoff count (Go: {@code After(cutoff)}). */
    public int stabilizeWithBehavior(long now, int recommendation, int currentReplicas, long upWindowSeconds,
                                     long downWindowSeconds) {
        int up = Math.min(recommendation, lows.after(now - upWindowSeconds, recommendation));
        int down = Math.max(recommendation, highs.after(now - downWindowSeconds, recommendation));
        int stabilized = Math.min(Math.max(currentReplicas, up), down);
        record(now, recommendation);
        return stabilized;
    }
}
