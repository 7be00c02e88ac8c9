package dev.scalewise.sim.autoscaler;

/**
 * The mean of the non-NaN samples of the last {@code windowSeconds} ({@code t > now - windowSeconds}, as Go's
 * {@code After(cutoff)}): a controller's metric averaging window (HPA metric pipelines, the KPA's stable
 * and panic windows, Ray Serve's look-back), queried at every decision.
 *
 * <p>Samples arrive in time order, so the window's old end only moves forward: the window is a ring of
 * the samples still inside, oldest evicted first, and a query adds them up newest first (a scan's order,
 * so a scan's bits) without testing a time per sample, and without a NaN test while the window holds no
 * NaN (counted as samples enter and leave); {@link RunningTotalMean} keeps a running total instead, as
 * Knative does. Times of samples and queries together must not go back (a controller adds and asks at its
 * decision instants). The ring holds nothing older than the window, so it
 * grows only while the window fills for the first time; in steady state nothing is allocated.
 */
class MovingMean {
    private final long windowSeconds;
    private long[] times;
    private double[] values;
    private int mask; // capacity - 1, a power of two: indices wrap without a division
    private int head; // absolute index of the oldest sample inside the window (as of the last eviction)
    private int tail; // absolute index one past the newest sample
    private int nans; // NaN samples inside

    MovingMean(long windowSeconds, int expectedSamples) {
        this.windowSeconds = windowSeconds;
        int capacity = Integer.highestOneBit(Math.max(4, expectedSamples) * 2 - 1);
        this.times = new long[capacity];
        this.values = new double[capacity];
        this.mask = capacity - 1;
    }

    void add(long timeSeconds, double value) {
        evictUpTo(timeSeconds - windowSeconds); // no later query (now >= timeSeconds) can see these
        if (tail - head == times.length) {
            grow();
        } else if (tail == Integer.MAX_VALUE) {
            rebase(); // after 2^31 samples: once in 68 years of 1 s ticks
        }
        int at = tail & mask;
        times[at] = timeSeconds;
        values[at] = value;
        tail++;
        if (Double.isNaN(value)) {
            nans++;
        } else {
            added(value);
        }
    }

    /** A number entered the window (for a subclass that keeps a running sum; nothing here). */
    void added(double value) {
    }

    /** A number is about to leave the window (for a subclass that keeps a running sum; nothing here). */
    void removed(double value) {
    }

    /** The numbers (not NaN samples) inside the window. */
    final int numbers() {
        return tail - head - nans;
    }

    /** The mean at {@code now}; NaN when the window holds no number. */
    double mean(long now) {
        return meanOver(now, 1);
    }

    /** {@code mean(now) / divisor} (a usage ratio: the mean over the target). */
    double meanOver(long now, double divisor) {
        evictOutside(now);
        double sum = 0;
        int n = tail - head;
        if (nans == 0) {
            for (int i = tail - 1; i >= head; i--) {
                sum += values[i & mask];
            }
        } else {
            for (int i = tail - 1; i >= head; i--) {
                double v = values[i & mask];
                if (Double.isNaN(v)) {
                    n--;
                } else {
                    sum += v;
                }
            }
        }
        return ratio(sum, n, divisor);
    }

    /**
     * {@code sum / n / divisor}; NaN for no number. With a power-of-two count of samples, the usual 60 s
     * window of 15 s syncs, that is one division, {@code sum / (n x divisor)}: dividing by 2^k is exact, so it
     * gives the bits of the two divisions while the controller waits for one.
     */
    static double ratio(double sum, int n, double divisor) {
        if (n == 0) {
            return Double.NaN;
        }
        return (n & (n - 1)) == 0 ? sum / (n * divisor) : sum / n / divisor;
    }

    /** Drops the samples a query at {@code now} no longer sees. */
    final void evictOutside(long now) {
        evictUpTo(now - windowSeconds);
    }

    /**
     * Samples come at a controller's period, so about one leaves per sample: that one without a loop, which
     * C2 compiles into far more code than one step when the decision is inlined (docs/BENCHMARKS.md §1,
     * fourth pass); the loop for the rest runs rarely.
     */
    private void evictUpTo(long cutoff) {
        if (oldestOutside(cutoff)) {
            evictOldest();
            if (oldestOutside(cutoff)) {
                evictRest(cutoff);
            }
        }
    }

    private boolean oldestOutside(long cutoff) {
        return head != tail && times[head & mask] <= cutoff;
    }

    private void evictRest(long cutoff) {
        while (oldestOutside(cutoff)) {
            evictOldest();
        }
    }

    private void evictOldest() {
        if (nans > 0 && Double.isNaN(values[head & mask])) {
            nans--;
        } else {
            removed(values[head & mask]);
        }
        head++;
    }

    /** Moves both absolute indices back by whole turns of the ring, before {@code tail} would overflow. */
    private void rebase() {
        int turns = head & ~mask;
        head -= turns;
        tail -= turns;
    }

    /** Doubles the ring, oldest sample first. */
    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        double[] v = new double[n * 2];
        for (int i = 0; i < n; i++) {
            t[i] = times[(head + i) & mask];
            v[i] = values[(head + i) & mask];
        }
        times = t;
        values = v;
        mask = n * 2 - 1;
        head = 0;
        tail = n;
    }
}
