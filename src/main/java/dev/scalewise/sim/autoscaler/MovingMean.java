package dev.scalewise.sim.autoscaler;

/**
 * The mean of the non-NaN samples of the last {@code windowSeconds} ({@code t > now - windowSeconds}, as Go's
 * {@code After(cutoff)}): a controller's metric averaging window (HPA metric pipelines, the KPA's stable
 * and panic windows, Ray Serve's look-back), queried at every decision.
 *
 * <p>Samples arrive in time order, so the window's old end only moves forward: it is kept as a count of
 * the newest samples still inside, and a query adds those up newest first (a scan's order, so a scan's
 * bits) without testing a time per sample, and without a NaN test while the window holds no NaN (counted
 * as samples enter and leave). Times of samples and queries together must not go back (a controller adds
 * and asks at its decision instants). The samples live in a {@link TimedRing} kept for the window, so in
 * steady state nothing is allocated.
 */
final class MovingMean {
    private final long windowSeconds;
    private final TimedRing samples;
    private int inside; // the newest samples still inside the window as of the last eviction
    private int nans;   // NaN samples among them

    MovingMean(long windowSeconds, int expectedSamples) {
        this.windowSeconds = windowSeconds;
        this.samples = new TimedRing(windowSeconds, expectedSamples);
    }

    void add(long timeSeconds, double value) {
        evictUpTo(timeSeconds - windowSeconds); // no later query (now >= timeSeconds) can see these
        samples.add(timeSeconds, value);
        inside++;
        if (Double.isNaN(value)) {
            nans++;
        }
    }

    /** The mean at {@code now}; NaN when the window holds no number. */
    double mean(long now) {
        return meanOver(now, 1);
    }

    /**
     * {@code mean(now) / divisor} (a usage ratio: the mean over the target). With a power-of-two count of
     * samples, the usual 60 s window of 15 s syncs, that is one division, {@code sum / (n x divisor)}: dividing
     * by 2^k is exact, so it gives the bits of the two divisions while the controller waits for one.
     */
    double meanOver(long now, double divisor) {
        evictUpTo(now - windowSeconds);
        double sum = 0;
        int n = inside;
        if (nans == 0) {
            for (int i = 0; i < inside; i++) {
                sum += samples.valueAt(i);
            }
        } else {
            for (int i = 0; i < inside; i++) {
                double v = samples.valueAt(i);
                if (Double.isNaN(v)) {
                    n--;
                } else {
                    sum += v;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return (n & (n - 1)) == 0 ? sum / (n * divisor) : sum / n / divisor;
    }

    private void evictUpTo(long cutoff) {
        while (inside > 0 && samples.timeAt(inside - 1) <= cutoff) {
            if (Double.isNaN(samples.valueAt(inside - 1))) {
                nans--;
            }
            inside--;
        }
    }
}
