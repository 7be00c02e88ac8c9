package dev.scalewise.sim.autoscaler;

/**
 * The max (or min) of the samples with {@code t > now - windowSeconds}, as a monotonic deque: O(1) amortized
 * per sample and per query instead of a rescan of the window, for samples at any times in order.
 * {@link CadenceExtreme} serves controllers, whose samples come on a cadence, and hands over to this once
 * one does not.
 *
 * <p>A sample that is dominated by a newer one (smaller or equal for a max, larger or equal for a min)
 * can never be the extreme of a later window, so {@link #push} drops it; what remains is ordered by
 * time and by value, and the extreme is the oldest survivor still inside the window. Samples leave the
 * front once {@code t <= now - windowSeconds}, for good, which is exact because the window is fixed and
 * sample and query times never go back ({@link Stabilizer} refuses a time that does; the KPA's ticks
 * come in time order by construction).
 * A window of 0 s or less holds no sample. The arrays grow only when more samples than expected share
 * the window (warm-up, tests seeding many samples at one instant); in steady state nothing is allocated.
 */
final class SlidingExtreme {
    private final boolean keepMax;
    private final long windowSeconds;
    private long[] times;
    private int[] values;
    private int mask;
    private int head; // absolute index of the oldest survivor
    private int tail; // absolute index one past the newest survivor

    SlidingExtreme(boolean keepMax, long windowSeconds, int expectedSamples) {
        this.keepMax = keepMax;
        this.windowSeconds = windowSeconds;
        int capacity = Integer.highestOneBit(Math.max(4, expectedSamples) * 2 - 1);
        this.times = new long[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
    }

    /** Adds the sample at {@code t}, the newest so far. */
    void push(long t, int value) {
        if (windowSeconds <= 0) {
            return;
        }
        while (newestDominatedBy(value)) {
            tail--;
        }
        if (tail - head == times.length) {
            grow();
        }
        times[tail & mask] = t;
        values[tail & mask] = value;
        tail++;
        evictUpTo(t - windowSeconds); // no later query (now >= t) can see these
    }

    /**
     * Adds the sample at {@code t} and returns the extreme of the samples with {@code t' > t - windowSeconds},
     * the new one included (just {@code value} for a window of 0 s or less): a controller's "the extreme of
     * the window, this decision's value too", in one pass.
     */
    int include(long t, int value) {
        if (windowSeconds <= 0) {
            return value;
        }
        push(t, value);
        return values[head & mask];
    }

    private boolean newestDominatedBy(int value) {
        if (tail == head) {
            return false;
        }
        int newest = values[(tail - 1) & mask];
        return keepMax ? newest <= value : newest >= value;
    }

    private boolean oldestOutside(long cutoff) {
        return tail != head && times[head & mask] <= cutoff;
    }

    private void evictUpTo(long cutoff) {
        while (oldestOutside(cutoff)) {
            head++;
        }
    }

    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        int[] v = new int[n * 2];
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
