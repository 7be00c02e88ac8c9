package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: the deque-based {@link Stabilizer} answers exactly as the rescanning
 * {@link ReferenceStabilizer} (the code it replaced) for the same calls. Seeded: a failure names its seed
 * and step, and replays.
 */
class StabilizerEquivalenceTest {
    private static final int STEPS = 3_000;

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    /**
     * As {@link Hpa} drives it: constant windows per policy (longest = the larger one, or 300 s legacy),
     * sync every period with some reconciles skipped (failed metrics record nothing), history seeded at
     * increasing, sometimes equal, times as the tests do.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void controllerCallSequences(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean legacy = random.nextBoolean();
        int period = 1 + random.nextInt(60);
        long upWindow = pick(random, 0, 0, 60, 300, random.nextInt(3_601));
        long downWindow = pick(random, 0, 300, 600, random.nextInt(3_601), upWindow);
        long longest = legacy ? Hpa.LEGACY_DOWNSCALE_STABILIZATION_SECONDS : Math.max(upWindow, downWindow);
        Stabilizer actual = new Stabilizer(longest, period);
        ReferenceStabilizer expected = new ReferenceStabilizer(longest, period);
        long now = -random.nextInt(2 * (int) longest + 2);
        for (int i = random.nextInt(30); i > 0; i--) {
            int r = random.nextInt(50);
            actual.record(now, r);
            expected.record(now, r);
            now += random.nextInt(3) * period / 2;
        }
        for (int step = 0; step < STEPS; step++) {
            now += period * (random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 1);
            if (random.nextInt(20) == 0) {
                continue; // reconcile failed: nothing recorded
            }
            int r = recommendation(random);
            int current = 1 + random.nextInt(100);
            String where = "seed " + seed + " step " + step;
            if (legacy) {
                assertEquals(expected.stabilizeLegacy(now, r, longest), actual.stabilizeLegacy(now, r, longest), where);
            } else {
                assertEquals(expected.stabilizeWithBehavior(now, r, current, upWindow, downWindow),
                        actual.stabilizeWithBehavior(now, r, current, upWindow, downWindow), where);
            }
        }
    }

    /**
     * Anything the public API allows: windows changing per call (also longer than the history kept, zero,
     * negative), both paths and bare records interleaved, repeated instants and times going back.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryCallSequences(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int period = 1 + random.nextInt(30);
        long longest = random.nextInt(900);
        Stabilizer actual = new Stabilizer(longest, period);
        ReferenceStabilizer expected = new ReferenceStabilizer(longest, period);
        long[] windows = {0, longest, longest / 2, longest + 1, longest + 2, longest + 1 + random.nextInt(2 * period + 1), -1,
                random.nextInt(2_000)};
        boolean goesBack = random.nextInt(4) == 0;
        int varyOneIn = 1 + random.nextInt(30);
        long now = 0;
        for (int step = 0; step < STEPS; step++) {
            now += random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(2 * period);
            if (goesBack && random.nextInt(200) == 0) {
                now -= random.nextInt(3 * period + 1);
            }
            boolean varies = random.nextInt(varyOneIn) == 0;
            long up = varies ? windows[random.nextInt(windows.length)] : windows[1];
            long down = varies ? windows[random.nextInt(windows.length)] : windows[2];
            int r = recommendation(random);
            int current = 1 + random.nextInt(100);
            String where = "seed " + seed + " step " + step;
            switch (random.nextInt(10)) {
                case 0 -> {
                    actual.record(now, r);
                    expected.record(now, r);
                }
                case 1, 2 -> assertEquals(expected.stabilizeLegacy(now, r, down), actual.stabilizeLegacy(now, r, down), where);
                default -> assertEquals(expected.stabilizeWithBehavior(now, r, current, up, down),
                        actual.stabilizeWithBehavior(now, r, current, up, down), where);
            }
        }
    }

    /** Runs of rising, falling and flat recommendations, so both deques fill and drain. */
    private static int recommendation(SplittableRandom random) {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(200) : 20 + random.nextInt(5);
    }

    private static long pick(SplittableRandom random, long... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
