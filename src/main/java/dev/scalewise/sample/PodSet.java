package dev.scalewise.sample;

import java.util.Arrays;

/**
 * The pods of one Deployment, each known by the second it becomes ready. A scale-down deletes the
 * pods that became (or become) ready last, so pods still loading go first, as the ReplicaSet
 * controller prefers deleting unready pods.
 */
final class PodSet {
    private long[] readyAt = new long[16];
    private int size;

    int size() {
        return size;
    }

    void add(long readyAtSecond) {
        if (size == readyAt.length) {
            readyAt = Arrays.copyOf(readyAt, size * 2);
        }
        readyAt[size++] = readyAtSecond;
        Arrays.sort(readyAt, 0, size);
    }

    /** Keeps the {@code count} pods that became ready first. */
    void shrinkTo(int count) {
        size = Math.min(size, Math.max(0, count));
    }

    int readyAt(long nowSecond) {
        int n = 0;
        while (n < size && readyAt[n] <= nowSecond) {
            n++;
        }
        return n;
    }
}
