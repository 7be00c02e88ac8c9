package dev.scalewise.sim.autoscaler;

import java.util.Arrays;

/**
 * One direction's scale events as the HPA keeps them (horizontal.go {@code storeScaleEvent},
 * {@code markScaleEventsOutdated}, {@code getReplicasChangePerPeriod}): a list that never shrinks; storing
 * an event overwrites the last slot whose event is older than this direction's longest policy period, or
 * appends when none is. A period sums the events after its start, whatever their direction's age limit:
 * the other direction's longer period still counts an old event until a newer one of its own direction
 * overwrites it, and then no longer does.
 */
final class ScaleEvents {
    private final long longestPeriodSeconds;
    private long[] times;
    private int[] changes;
    private int size;

    /**
     * @param longestPeriodSeconds this direction's longest policy period ({@code getLongestPolicyPeriod})
     * @param expectedEvents       events expected inside that period (the list grows past it if need be)
     */
    ScaleEvents(long longestPeriodSeconds, int expectedEvents) {
        this.longestPeriodSeconds = longestPeriodSeconds;
        this.times = new long[Math.max(2, expectedEvents)];
        this.changes = new int[times.length];
    }

    /** Stores a change of {@code replicas} (positive) at {@code now}, in the slot upstream would use. */
    void store(long now, int replicas) {
        long cutoff = now - longestPeriodSeconds;
        int slot = -1;
        for (int i = 0; i < size; i++) {
            if (times[i] < cutoff) {
                slot = i; // upstream keeps the last outdated index it finds
            }
        }
        if (slot < 0) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                changes = Arrays.copyOf(changes, size * 2);
            }
            slot = size++;
        }
        times[slot] = now;
        changes[slot] = replicas;
    }

    /** The replicas changed by the events after {@code now - periodSeconds}. */
    int changedWithin(long now, long periodSeconds) {
        long cutoff = now - periodSeconds;
        int sum = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] > cutoff) {
                sum += changes[i];
            }
        }
        return sum;
    }
}
