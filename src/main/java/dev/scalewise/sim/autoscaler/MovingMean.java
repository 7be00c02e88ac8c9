package dev.scalewise.sim.autoscaler;

/**
 * The mean of the non-NaN samples of the last {@code windowSeconds} ({@code t > now - windowSeconds}, as Go's
 * {@code After(cutoff)}): a controller's metric averaging window (HPA metric pipelines, the KPA's stable
 * and panic windows, Ray Serve's look-back), queried at every decision.
 *
 * <p>Samples arrive in time order, so the window's old end only moves forward: the window is a ring of
 * the samples still inside, oldest evicted first, and a query adds them up newest first (a scan's order,
 * so a scan's bits) without testing a time per sample, and without a NaN test while the window holds no
 * NaN (counted as samples enter and leave). Times of samples and queries together must not go back (a
 * controller adds and asks at its decision instants). The ring holds nothing older than the window, so it
 * grows only while the window fills for the first time; in steady state nothing is allocated.
 */
final class MovingMean {
    private final long windowSeconds;
    private long[] times;
    private double[] values;
    private int mask;   // capacity - 1, a power of two: indices wrap without a division
    private int newest; // index of the newest sample
    private int inside; // samples inside the window as of the last eviction (the newest ones)
    private int nans;   // NaN samples among them

    MovingMean(long windowSeconds, int expectedSamples) {
        this.windowSeconds = windowSeconds;
        int capacity = Integer.highestOneBit(Math.max(4, expectedSamples) * 2 - 1);
        this.times = new long[capacity];
        this.values = new double[capacity];
        this.mask = capacity - 1;
        this.newest = mask;
    }

    void add(long timeSeconds, double value) {
        evictUpTo(timeSeconds - windowSeconds); // no later query (now >= timeSeconds) can see these
        if (inside == times.length) {
            grow();
        }
        newest = (newest + 1) & mask;
        times[newest] = timeSeconds;
        values[newest] = value;
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
        for (int i = 0; i < inside; i++) {
            double v = values[(newest - i) & mask];
            if (nans == 0 || !Double.isNaN(v)) {
                sum += v;
            } else {
                n--;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return (n & (n - 1)) == 0 ? sum / (n * divisor) : sum / n / divisor;
    }

    private void evictUpTo(long cutoff) {
        int oldest = (newest - inside + 1) & mask;
        while (inside > 0 && times[oldest] <= cutoff) {
            if (nans > 0 && Double.isNaN(values[oldest])) {
                nans--;
            }
            inside--;
            oldest = (oldest + 1) & mask;
        }
    }

    /** Doubles the ring, oldest sample first. */
    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        double[] v = new double[n * 2];
        for (int i = 0; i < inside; i++) {
            int k = (newest - inside + 1 + i) & mask;
            t[i] = times[k];
            v[i] = values[k];
        }
        times = t;
        values = v;
        mask = n * 2 - 1;
        newest = inside - 1;
    }
}
