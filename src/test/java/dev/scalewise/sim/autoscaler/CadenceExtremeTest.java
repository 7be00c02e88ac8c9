package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CadenceExtreme} answers as a literal scan of every sample it was given ({@code t > now - window}),
 * on the cadence (syncs, repeated instants, skipped syncs, gaps longer than the window, any start time and
 * window length) and after a sample off the cadence hands the window to the deque. Seeded: a failure names
 * its seed and step.
 */
class CadenceExtremeTest {
    private static final int STEPS = 2_000;

    private record Sample(long t, int value) {
    }

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onTheCadenceItAnswersAsAScan(long seed) {
        CadenceExtreme actual = replay(seed, false);
        assertTrue(actual.onCadence(), "a sequence on the cadence never needs the deque");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void offTheCadenceTheDequeTakesOverWithTheWindow(long seed) {
        replay(seed, true);
    }

    /**
     * Random setup and samples, each checked against the scan; with {@code goOff}, one gap 1 s off the
     * cadence at a random step, then gaps of any length (with a 1 s period every gap is on the cadence).
     */
    private static CadenceExtreme replay(long seed, boolean goOff) {
        SplittableRandom random = new SplittableRandom(seed);
        Setup s = Setup.random(random);
        CadenceExtreme actual = new CadenceExtreme(s.keepMax, s.window, (int) s.period);
        List<Sample> given = new ArrayList<>();
        long now = s.start;
        int offAt = goOff ? random.nextInt(STEPS / 2) : STEPS;
        for (int step = 0; step < STEPS; step++) {
            long gap = s.period * onCadenceGap(random, s.window / s.period);
            now += step < offAt ? gap : step == offAt ? gap + 1 : random.nextInt(3 * (int) s.period);
            check(actual, given, s, now, recommendation(random), "seed " + seed + " step " + step);
        }
        if (goOff) {
            assertEquals(s.period == 1 || s.window <= 0, actual.onCadence(), "off the cadence, the deque answers");
        }
        return actual;
    }

    @Test
    void aWindowOfMoreThanMaxSlotsPeriodsIsTheDequesFromTheStart() {
        long window = (CadenceExtreme.MAX_SLOTS + 1) * 2L;
        CadenceExtreme actual = new CadenceExtreme(true, window, 2);
        assertFalse(actual.onCadence());
        SplittableRandom random = new SplittableRandom(3);
        List<Sample> given = new ArrayList<>();
        Setup s = new Setup(true, window, 2, 0);
        for (int step = 0; step < 3 * CadenceExtreme.MAX_SLOTS; step++) {
            check(actual, given, s, 2L * step, recommendation(random), "step " + step);
        }
    }

    @Test
    void theLongestWindowIsTheDequesWithoutOverflow() {
        CadenceExtreme longest = new CadenceExtreme(false, Long.MAX_VALUE, 15);
        assertFalse(longest.onCadence());
        assertEquals(7, longest.include(0, 7));
        assertEquals(3, longest.include(15, 3));
        assertEquals(3, longest.include(30, 9));
    }

    @Test
    void refusesATimeThatGoesBack() {
        CadenceExtreme e = new CadenceExtreme(true, 300, 15);
        e.include(30, 4);
        e.include(30, 5);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.include(15, 3));
        assertEquals("sample times must not go back: 15 s after 30 s", x.getMessage());
    }

    /** Includes the sample and compares with a scan of all samples given so far (the new one included). */
    private static void check(CadenceExtreme actual, List<Sample> given, Setup s, long now, int value, String where) {
        given.add(new Sample(now, value));
        int expected = value;
        if (s.window > 0) {
            for (Sample g : given) {
                if (g.t() > now - s.window) {
                    expected = s.keepMax ? Math.max(expected, g.value()) : Math.min(expected, g.value());
                }
            }
        }
        assertEquals(expected, actual.include(now, value), where + " at t=" + now);
    }

    private record Setup(boolean keepMax, long window, long period, long start) {
        /** Windows: none, shorter than a period, whole and odd multiples of it, the HPA's and the KPA's. */
        static Setup random(SplittableRandom random) {
            long period = new long[]{1, 2, 7, 15, 30}[random.nextInt(5)];
            long[] windows = {0, -1, period - 1, period, 2 * period, 5 * period + 3, 40 * period, 301, 600,
                    1 + random.nextInt(3_600)};
            long start = random.nextLong(-10_000, 10_000); // any start: only differences must be whole periods
            return new Setup(random.nextBoolean(), windows[random.nextInt(windows.length)], period, start);
        }
    }

    /** Mostly the next sync; sometimes the same instant, a few skipped syncs, or a gap beyond the window. */
    private static long onCadenceGap(SplittableRandom random, long windowPeriods) {
        int kind = random.nextInt(20);
        return kind == 0 ? 0 : kind == 1 ? 2 + random.nextInt(3) : kind == 2 ? windowPeriods + random.nextInt(3) : 1;
    }

    /** Noisy around a level, with jumps: runs of rises and falls that fill and empty both block halves. */
    private static int recommendation(SplittableRandom random) {
        return random.nextInt(4) == 0 ? random.nextInt(200) : 20 + random.nextInt(5);
    }
}
