package dev.scalewise.sim.autoscaler;

/**
 * {@link Stabilizer}'s rescans of the recommendation history, newest first, stopping at the first sample
 * outside the window, as horizontal.go's loops do; kept for the cases its deques cannot answer exactly
 * (a window longer than the retained history, a time that went back).
 */
final class HistoryScan {
    private HistoryScan() {
    }

    /** {@code stabilizeRecommendation}: max of the recommendation and the samples with t >= now - window. */
    static int legacyMax(TimedRing history, long now, int recommendation, long windowSeconds) {
        int max = recommendation;
        long cutoff = now - windowSeconds;
        for (int i = 0; i < history.size() && history.timeAt(i) >= cutoff; i++) {
            max = Math.max(max, (int) history.valueAt(i));
        }
        return max;
    }

    /** {@code stabilizeRecommendationWithBehaviors}' up: min over t > now - up window, both windows' scan. */
    static int upMin(TimedRing history, long now, int recommendation, long upWindowSeconds, long downWindowSeconds) {
        return scan(history, now, recommendation, upWindowSeconds, downWindowSeconds, false);
    }

    /** {@code stabilizeRecommendationWithBehaviors}' down: max over t > now - down window. */
    static int downMax(TimedRing history, long now, int recommendation, long upWindowSeconds, long downWindowSeconds) {
        return scan(history, now, recommendation, upWindowSeconds, downWindowSeconds, true);
    }

    /** One loop for both windows, stopping at the older cutoff as upstream's single loop does. */
    private static int scan(TimedRing history, long now, int recommendation, long upWindowSeconds,
                            long downWindowSeconds, boolean down) {
        long upCutoff = now - upWindowSeconds;
        long downCutoff = now - downWindowSeconds;
        long oldest = Math.min(upCutoff, downCutoff);
        int best = recommendation;
        for (int i = 0; i < history.size(); i++) {
            long t = history.timeAt(i);
            if (t <= oldest) {
                break;
            }
            int r = (int) history.valueAt(i);
            if (down && t > downCutoff) {
                best = Math.max(best, r);
            } else if (!down && t > upCutoff) {
                best = Math.min(best, r);
            }
        }
        return best;
    }
}
