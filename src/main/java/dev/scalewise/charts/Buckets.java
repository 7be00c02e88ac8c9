package dev.scalewise.charts;

import java.util.Arrays;

/**
 * A time series reduced to the minimum and maximum per fixed time bucket, so a chart of months keeps
 * every spike and dip while it ships a few thousand numbers instead of every step; the page reduces
 * them again per pixel column (min of mins, max of maxes). Also sums, per bucket, the seconds a flag
 * held (breach, cold start) for the marks under a chart. Values and flags arrive in time order or not;
 * times before the start or past the end are ignored.
 */
public final class Buckets {
    private final long startSeconds;
    private final int bucketSeconds;
    private final double[] min;
    private final double[] max;

    public Buckets(long startSeconds, int bucketSeconds, int count) {
        if (bucketSeconds <= 0 || count < 0) {
            throw new IllegalArgumentException("bucket of " + bucketSeconds + " s x " + count);
        }
        this.startSeconds = startSeconds;
        this.bucketSeconds = bucketSeconds;
        this.min = new double[count];
        this.max = new double[count];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
    }

    /** The bucket holding second {@code t} (epoch seconds), or -1 outside the range. */
    public int indexOf(long t) {
        long i = Math.floorDiv(t - startSeconds, bucketSeconds);
        return i < 0 || i >= min.length ? -1 : (int) i;
    }

    /** Adds one value (NaN = unknown: skipped) at epoch second {@code t}. */
    public void add(long t, double value) {
        int i = indexOf(t);
        if (i < 0 || Double.isNaN(value)) {
            return;
        }
        if (Double.isNaN(min[i]) || value < min[i]) {
            min[i] = value;
        }
        if (Double.isNaN(max[i]) || value > max[i]) {
            max[i] = value;
        }
    }

    /**
     * Adds {@code seconds} from epoch second {@code t} on to the running sum of the buckets they
     * cover (the sum lives in {@link #max}; use a Buckets for one kind of data only).
     */
    public void addSeconds(long t, long seconds) {
        long end = t + seconds;
        while (t < end) {
            int i = indexOf(t);
            long bucketEnd = startSeconds + (Math.floorDiv(t - startSeconds, bucketSeconds) + 1) * bucketSeconds;
            long part = Math.min(end, bucketEnd) - t;
            if (i >= 0) {
                max[i] = (Double.isNaN(max[i]) ? 0 : max[i]) + part;
                min[i] = max[i];
            }
            t += part;
        }
    }

    public int count() {
        return min.length;
    }

    public long startSeconds() {
        return startSeconds;
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }

    /** Copies: NaN where the bucket saw no value. */
    public double[] min() {
        return min.clone();
    }

    public double[] max() {
        return max.clone();
    }
}
