package dev.scalewise.sim.autoscaler;

import java.util.Arrays;

/**
 * The max (or min) of the samples with {@code t > now - windowSeconds}, as {@link SlidingExtreme}, for
 * samples that come on a cadence: a controller records one per sync, so sample times differ by whole
 * periods. The window is then the last {@code m = ceil(windowSeconds / period)} slots of the cadence, and
 * van Herk / Gil-Werman's block extremes answer it with a fixed amount of work and no data-dependent
 * branch: cut the slots into blocks of {@code m}; the window ending at slot {@code pos} of a block is the
 * tail of the previous block (slots {@code pos + 1 .. m - 1}, whose extremes from each slot to the block's
 * end were computed when it filled) and the head of this one (slots {@code 0 .. pos}, a running extreme).
 *
 * <p>Why not the deque alone: it compares each new sample with the kept ones to decide what to drop; with
 * noisy recommendations that branch goes either way, is mispredicted often, and the decision waits for it
 * (docs/BENCHMARKS.md §1). Samples at one instant share a slot; a sync that records nothing (a failed
 * reconcile) leaves its slot empty. A sample off the cadence (its time differs from the last one's by no
 * whole number of periods) hands the window to a {@link SlidingExtreme}, which answers from then on, as
 * does a window of more than {@value #MAX_SLOTS} periods: every call sequence gets the deque's answers.
 * Nothing is allocated per sample.
 */
final class CadenceExtreme {
    static final int MAX_SLOTS = 4096;

    private final boolean keepMax;
    /** The extreme of no sample: loses to every value. */
    private final int none;
    private final long windowSeconds;
    private final long period;
    private final int m;
    /** Slot i of the current block for i <= pos, of the previous block for i > pos. */
    private final int[] slots;
    /** {@code previous[i]}: the extreme of the previous block's slots {@code i .. m - 1}; none at {@code m}. */
    private final int[] previous;
    private int pos;
    /** The extreme of the current block's slots {@code 0 .. pos}. */
    private int head;
    private long lastTime;
    /** False before the first sample and once off the cadence. */
    private boolean onCadence;
    /** Set when the cadence cannot serve: it answers everything from then on. */
    private SlidingExtreme offCadence;

    CadenceExtreme(boolean keepMax, long windowSeconds, int periodSeconds) {
        this.keepMax = keepMax;
        this.none = keepMax ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        this.windowSeconds = windowSeconds;
        this.period = Math.max(1, periodSeconds);
        long slotsInWindow = windowSeconds <= 0 ? 1 : windowSeconds / period + (windowSeconds % period == 0 ? 0 : 1);
        this.m = (int) Math.min(slotsInWindow, MAX_SLOTS);
        this.slots = new int[m];
        this.previous = new int[m + 1];
        emptyWindow();
        if (slotsInWindow > MAX_SLOTS) {
            offCadence = new SlidingExtreme(keepMax, windowSeconds, MAX_SLOTS);
        }
    }

    /** Adds the sample at {@code t}; times must not go back. */
    void push(long t, int value) {
        include(t, value);
    }

    /**
     * Adds the sample at {@code t} and returns the extreme of the samples with {@code t' > t - windowSeconds},
     * the new one included (just {@code value} for a window of 0 s or less). Times must not go back.
     */
    int include(long t, int value) {
        if (windowSeconds <= 0) {
            return value;
        }
        if (onCadence && t == lastTime + period) {
            advance(value); // the next sync: nearly every call
        } else if (!placeIrregular(t, value)) {
            return offCadence.include(t, value);
        }
        lastTime = t;
        return extreme(previous[pos + 1], head);
    }

    /** Moves to the next slot and puts {@code value} in it. */
    private void advance(int value) {
        if (pos == m - 1) {
            closeBlock();
            pos = 0;
            head = value;
        } else {
            pos++;
            head = extreme(head, value);
        }
        slots[pos] = value;
    }

    /** The block just filled becomes the previous one: its extremes from each slot to its end. */
    private void closeBlock() {
        int acc = none;
        for (int i = m - 1; i >= 0; i--) {
            acc = extreme(acc, slots[i]);
            previous[i] = acc;
        }
    }

    /**
     * The first sample, one at the last one's instant, or one after skipped syncs; false (and the window
     * handed over) for one off the cadence, or when the deque answers already.
     */
    private boolean placeIrregular(long t, int value) {
        if (offCadence != null) {
            return false;
        }
        if (!onCadence) {
            onCadence = true;
            slots[pos] = value;
            head = value;
        } else if (t < lastTime) {
            throw new IllegalArgumentException("sample times must not go back: " + t + " s after " + lastTime + " s");
        } else if (t == lastTime) {
            slots[pos] = extreme(slots[pos], value);
            head = extreme(head, value);
        } else if ((t - lastTime) % period != 0) {
            handOver();
            return false;
        } else {
            long skipped = (t - lastTime) / period - 1;
            if (skipped >= m) {
                emptyWindow(); // no sample of the window is left
                skipped = 0;
            }
            for (long k = 0; k < skipped; k++) {
                advance(none);
            }
            advance(value);
        }
        return true;
    }

    private void emptyWindow() {
        Arrays.fill(slots, none);
        Arrays.fill(previous, none);
        head = none;
    }

    /** Gives the window's samples to a deque, oldest first (it drops those the next sample leaves behind). */
    private void handOver() {
        onCadence = false;
        offCadence = new SlidingExtreme(keepMax, windowSeconds, m + 2);
        for (int back = m - 1; back >= 0; back--) {
            long time = lastTime - back * period;
            int value = slots[Math.floorMod(pos - back, m)];
            if (value != none) {
                offCadence.push(time, value);
            }
        }
    }

    /** Whether the block extremes answer (a test checks that a sequence on the cadence stays there). */
    boolean onCadence() {
        return offCadence == null;
    }

    private int extreme(int a, int b) {
        return keepMax ? Math.max(a, b) : Math.min(a, b);
    }
}
