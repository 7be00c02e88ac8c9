package dev.scalewise.sim.autoscaler;

/**
 * The largest (or smallest) of the values recorded after a cutoff, for cutoffs in the last
 * {@code retentionSeconds}: a monotonic queue. A value is dropped when a newer one is at least as
 * extreme, since every window {@code (cutoff, now]} holding the older one also holds the newer one; the
 * queue is then ordered by time and by value, and a query is a binary search for the first entry after
 * the cutoff. O(1) amortized per record and O(log n) per query, where rescanning the recommendation
 * history cost O(window / period) at every HPA decision (the hot spot of the replay, docs/BENCHMARKS.md).
 * Times must not decrease; nothing is allocated once the queue has reached its working size.
 */
final class SlidingExtreme {
    private final boolean largest;
    private final long retentionSeconds;
    private long[] times = new long[16];
    private int[] values = new int[16];
    private int head; // oldest entry
    private int size;

    /** @param largest true for the max of the window, false for the min */
    SlidingExtreme(boolean largest, long retentionSeconds) {
        this.largest = largest;
        this.retentionSeconds = retentionSeconds;
    }

    void add(long timeSeconds, int value) {
        while (size > 0 && times[head] <= timeSeconds - retentionSeconds) {
            head = (head + 1) & (times.length - 1);
            size--;
        }
        while (size > 0 && atMostAsExtreme(values[at(size - 1)], value)) {
            size--;
        }
        if (size == times.length) {
            grow();
        }
        int k = at(size);
        times[k] = timeSeconds;
        values[k] = value;
        size++;
    }

    /** The extreme of the values recorded at {@code t > cutoffSeconds}, or {@code otherwise} when none is. */
    int after(long cutoffSeconds, int otherwise) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[at(mid)] > cutoffSeconds) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < size ? values[at(lo)] : otherwise;
    }

    private boolean atMostAsExtreme(int older, int newer) {
        return largest ? older <= newer : older >= newer;
    }

    private int at(int fromOldest) {
        return (head + fromOldest) & (times.length - 1);
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        int[] v = new int[values.length * 2];
        for (int i = 0; i < size; i++) {
            t[i] = times[at(i)];
            v[i] = values[at(i)];
        }
        times = t;
        values = v;
        head = 0;
    }
}
