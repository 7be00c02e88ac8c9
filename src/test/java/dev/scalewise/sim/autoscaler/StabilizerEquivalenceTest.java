package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        long longest = legacy ? dev.scalewise.policy.UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS : Math.max(upWindow, downWindow);
        Stabilizer actual = legacy ? Stabilizer.legacy(longest, period) : Stabilizer.withBehavior(upWindow, downWindow, period);
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
            int reference = legacy ? expected.stabilizeLegacy(now, r, longest)
                    : expected.stabilizeWithBehavior(now, r, current, upWindow, downWindow);
            assertEquals(reference, actual.stabilize(now, r, current), where);
        }
    }

    /**
     * Anything else the public API allows, windows fixed per stabilizer: zero, negative, longer than the
     * reference keeps for its longest window, odd multiples of the period; bare records between decisions;
     * repeated instants; irregular gaps.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryCallSequences(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int period = 1 + random.nextInt(30);
        long longest = random.nextInt(900);
        long[] windows = {0, longest, longest / 2, longest + 1 + random.nextInt(2 * period + 1), -1, random.nextInt(2_000)};
        boolean legacy = random.nextInt(3) == 0;
        long up = pick(random, windows);
        long down = pick(random, windows);
        Stabilizer actual = legacy ? Stabilizer.legacy(down, period) : Stabilizer.withBehavior(up, down, period);
        // the reference rescans a ring kept for its longest window: make it cover every window here
        ReferenceStabilizer expected = new ReferenceStabilizer(Math.max(longest, Math.max(up, down)) + 1, period);
        long now = 0;
        for (int step = 0; step < STEPS; step++) {
            now += random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(2 * period);
            int r = recommendation(random);
            int current = 1 + random.nextInt(100);
            String where = "seed " + seed + " step " + step;
            if (random.nextInt(10) == 0) {
                actual.record(now, r);
                expected.record(now, r);
            } else {
                int reference = legacy ? expected.stabilizeLegacy(now, r, down)
                        : expected.stabilizeWithBehavior(now, r, current, up, down);
                assertEquals(reference, actual.stabilize(now, r, current), where);
            }
        }
    }

    @Test
    void refusesATimeThatGoesBack() {
        Stabilizer s = Stabilizer.withBehavior(0, 300, 15);
        s.stabilize(30, 4, 4);
        s.stabilize(30, 5, 4); // the same instant again is fine
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.stabilize(15, 3, 4));
        assertEquals("stabilization times must not go back: 15 s after 30 s", e.getMessage());
    }

    /** Runs of rising, falling and flat recommendations, so both deques fill and drain. */
    private static int recommendation(SplittableRandom random) {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(200) : 20 + random.nextInt(5);
    }

    private static long pick(SplittableRandom random, long... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
