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
 * decisions, so the extremes come from {@link SlidingExtreme} deques instead, O(1) amortized and
 * allocation-free. They are exact while times never go back and each window stays within the retained
 * history; a window that changes between calls rebuilds its deque from {@link #history}, and a time that
 * goes back (only a test can do that) switches this stabilizer to the plain rescan for good.
 */
public final class Stabilizer {
    private final TimedRing history;
    private final long retentionSeconds;
    private final SlidingExtreme legacyMax;
    private final SlidingExtreme upMin;
    private final SlidingExtreme downMax;
    private long latestSeconds = Long.MIN_VALUE;
    private boolean rescanOnly;

    public Stabilizer(long longestWindowSeconds, int periodSeconds) {
        this.retentionSeconds = longestWindowSeconds + 1;
        int expected = (int) (longestWindowSeconds / Math.max(1, periodSeconds)) + 2;
        this.history = new TimedRing(retentionSeconds, expected);
        this.legacyMax = new SlidingExtreme(true, expected);
        this.upMin = new SlidingExtreme(false, expected);
        this.downMax = new SlidingExtreme(true, expected);
    }

    /** Records a recommendation (the decision paths call this themselves; tests seed history with it). */
    public void record(long now, int recommendation) {
        noteTime(now);
        history.add(now, recommendation);
        if (!rescanOnly) {
            legacyMax.pushIfBound(now, recommendation);
            upMin.pushIfBound(now, recommendation);
            downMax.pushIfBound(now, recommendation);
        }
    }

    /** Legacy path: samples at or after {@code now - window} count, i.e. after {@code now - window - 1}. */
    public int stabilizeLegacy(long now, int recommendation, long downscaleWindowSeconds) {
        noteTime(now);
        int max;
        if (fast(downscaleWindowSeconds + 1) && downscaleWindowSeconds >= 0) {
            bind(legacyMax, downscaleWindowSeconds + 1);
            max = Math.max(recommendation, legacyMax.extreme(now, recommendation));
        } else {
            max = HistoryScan.legacyMax(history, now, recommendation, downscaleWindowSeconds);
        }
        record(now, recommendation);
        return max;
    }

    /** Behavior path: samples strictly after each cutoff count. */
    public int stabilizeWithBehavior(long now, int recommendation, int currentReplicas, long upWindowSeconds,
                                     long downWindowSeconds) {
        noteTime(now);
        int up;
        int down;
        if (fast(upWindowSeconds) && fast(downWindowSeconds)) {
            up = Math.min(recommendation, windowExtreme(upMin, upWindowSeconds, now, recommendation));
            down = Math.max(recommendation, windowExtreme(downMax, downWindowSeconds, now, recommendation));
        } else {
            up = HistoryScan.upMin(history, now, recommendation, upWindowSeconds, downWindowSeconds);
            down = HistoryScan.downMax(history, now, recommendation, upWindowSeconds, downWindowSeconds);
        }
        int stabilized = Math.min(Math.max(currentReplicas, up), down);
        record(now, recommendation);
        return stabilized;
    }

    /** A zero window (the scale-up default) holds no sample, all being recorded at or before now: no deque. */
    private int windowExtreme(SlidingExtreme deque, long windowSeconds, long now, int otherwise) {
        if (windowSeconds == 0) {
            return otherwise;
        }
        bind(deque, windowSeconds);
        return deque.extreme(now, otherwise);
    }

    private void noteTime(long now) {
        if (now < latestSeconds) {
            rescanOnly = true;
        }
        latestSeconds = Math.max(latestSeconds, now);
    }

    /** A deque is exact for windows the retained history covers (the ring drops only older samples). */
    private boolean fast(long windowSeconds) {
        return !rescanOnly && windowSeconds >= 0 && windowSeconds <= retentionSeconds;
    }

    private void bind(SlidingExtreme deque, long windowSeconds) {
        if (deque.isBoundTo(windowSeconds)) {
            return;
        }
        deque.reset(windowSeconds);
        for (int i = history.size() - 1; i >= 0; i--) {
            deque.pushIfBound(history.timeAt(i), (int) history.valueAt(i));
        }
    }
}
