package dev.scalewise.data;

import java.util.Arrays;

/**
 * The interval starts seen so far in one series (duplicate detection). Rows mostly come with rising
 * starts: a start above every earlier one is new without a look-up and is appended to a sorted array;
 * only the others (a series that goes back in time) are looked up there by binary search and kept in a
 * hash set. Every element of the hash set is at most the largest start seen, so the two never overlap.
 */
final class SeenStarts {
    private long[] rising;
    private int risingSize;
    private long max = Long.MIN_VALUE; // below every known start (unknown ones are dropped before)
    private LongSet others;

    /** @param expected how many starts are likely to come (the array grows beyond) */
    SeenStarts(int expected) {
        rising = new long[Math.max(16, expected)];
    }

    /** True when {@code startMs} was not seen before (and now is). */
    boolean add(long startMs) {
        if (startMs > max) {
            if (risingSize == rising.length) {
                rising = Arrays.copyOf(rising, risingSize * 2);
            }
            rising[risingSize++] = startMs;
            max = startMs;
            return true;
        }
        if (Arrays.binarySearch(rising, 0, risingSize, startMs) >= 0) {
            return false;
        }
        if (others == null) {
            others = new LongSet(16);
        }
        return others.add(startMs);
    }

    /** A set of longs by open addressing (linear probing): no boxing, one array. */
    private static final class LongSet {
        private long[] keys;
        private boolean[] used;
        private int size;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            used = new boolean[cap];
        }

        /** True when {@code k} was not in the set (and is now). */
        boolean add(long k) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (used[i]) {
                if (keys[i] == k) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = k;
            size++;
            return true;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }

        /** Spreads epoch-ms keys (multiples of 60,000 here) over the table: Stafford's mix13 of SplitMix64. */
        private static int mix(long k) {
            k = (k ^ (k >>> 30)) * 0xbf58476d1ce4e5b9L;
            k = (k ^ (k >>> 27)) * 0x94d049bb133111ebL;
            return (int) (k ^ (k >>> 31));
        }
    }
}
