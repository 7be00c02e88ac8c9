package dev.scalewise.sim.autoscaler;

import java.util.Arrays;

/**
 * Timestamped samples in arrival order, kept for {@code retentionSeconds}: the history of
 * {@link ReferenceStabilizer}, the literal rescan the stabilizer is held to.
 *
 * <p>Queries walk from the newest sample back and stop at the first one outside the window. Window bounds
 * are exclusive of the cutoff: a sample at {@code t} is inside the window {@code (now - windowSeconds, now]}
 * iff {@code t > now - windowSeconds}, as Go's {@code After(cutoff)}.
 */
public final class TimedRing {
    private final long retentionSeconds;
    private long[] times;
    private double[] values;
    private int mask; // capacity - 1; capacity is a power of two, so indices wrap without a division
    private int head; // index of the newest sample
    private int size;

    public TimedRing(long retentionSeconds, int initialCapacity) {
        this.retentionSeconds = retentionSeconds;
        int cap = Integer.highestOneBit(Math.max(4, initialCapacity) * 2 - 1);
        this.times = new long[cap];
        this.values = new double[cap];
        this.mask = cap - 1;
        this.head = -1;
    }

    public void add(long timeSeconds, double value) {
        if (size == times.length) {
            int oldest = index(size - 1);
            if (times[oldest] > timeSeconds - retentionSeconds) {
                grow();
            } else {
                size--;
            }
        }
        head = (head + 1) & mask;
        times[head] = timeSeconds;
        values[head] = value;
        size++;
    }

    public int size() {
        return size;
    }

    /** Time of the i-th newest sample (0 = newest). */
    public long timeAt(int i) {
        return times[index(i)];
    }

    /** Value of the i-th newest sample (0 = newest). */
    public double valueAt(int i) {
        return values[index(i)];
    }

    /** Sum of the samples with {@code t > now - windowSeconds} (NaN samples ignored). */
    public double sum(long now, long windowSeconds) {
        long cutoff = now - windowSeconds;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            int k = index(i);
            if (times[k] <= cutoff) {
                break;
            }
            if (!Double.isNaN(values[k])) {
                sum += values[k];
            }
        }
        return sum;
    }

    private int index(int fromNewest) {
        return (head - fromNewest) & mask;
    }

    private void grow() {
        int n = times.length;
        long[] t = new long[n * 2];
        double[] v = new double[n * 2];
        // unroll oldest..newest into the front of the new arrays
        for (int i = 0; i < size; i++) {
            int k = index(size - 1 - i);
            t[i] = times[k];
            v[i] = values[k];
        }
        times = t;
        values = v;
        mask = n * 2 - 1;
        head = size - 1;
        Arrays.fill(times, size, times.length, Long.MIN_VALUE);
    }
}
