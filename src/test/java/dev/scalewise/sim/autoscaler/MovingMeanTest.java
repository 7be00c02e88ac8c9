package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controllers' metric window: the samples strictly inside it, summed newest first. */
class MovingMeanTest {
    private static final double[] TARGETS = {12, 0.7, 3, 1, 1e-3, 55.5};

    @Test
    void meanOfTheSamplesStrictlyInsideTheWindow() {
        MovingMean m = new MovingMean(60, 4);
        m.add(0, 1);
        m.add(15, 2);
        m.add(30, 3);
        assertEquals(2.0, m.mean(30)); // (3 + 2 + 1) / 3
        assertEquals(2.5, m.mean(60)); // t = 0 is at the cutoff 60 - 60, so out: (3 + 2) / 2
        assertEquals(3.0, m.mean(75)); // only t = 30 > 15
        assertTrue(Double.isNaN(m.mean(90)), "an empty window has no mean");
    }

    @Test
    void nanSamplesAreLeftOutUntilTheyLeaveTheWindow() {
        MovingMean m = new MovingMean(30, 2);
        m.add(0, Double.NaN);
        assertTrue(Double.isNaN(m.mean(0)));
        m.add(15, 4);
        assertEquals(4.0, m.mean(15));
        m.add(30, 8); // t = 0 leaves with its NaN
        assertEquals(6.0, m.mean(30));
    }

    /**
     * Random samples and queries in time order (gaps, several samples per instant, NaNs, queries after the
     * newest sample), as the controllers make them.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameBitsAsALiteralScan(long seed) {
        long window = seed % 2 == 0 ? 60 : 30;
        assertAgreesWithAScan(new MovingMean(window, 2), window, seed, 0);
    }

    /** The ring's absolute indices run past Integer.MAX_VALUE (after 2^31 samples) without a wrong answer. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // wrapped indices can loop for ever
    void indicesRunningPastIntegerMaxValue(long seed) throws ReflectiveOperationException {
        long window = 60;
        MovingMean nearTheEnd = new MovingMean(window, 512); // room enough never to grow (growing re-bases)
        for (String index : new String[] {"head", "tail"}) {
            Field f = MovingMean.class.getDeclaredField(index);
            f.setAccessible(true);
            f.setInt(nearTheEnd, Integer.MAX_VALUE - 1_000);
        }
        assertAgreesWithAScan(nearTheEnd, window, seed, 0);
    }

    /**
     * Knative's running total ({@link RunningTotalMean}): the scan's mean up to the drift of
     * adding and subtracting 5,000 samples of up to 100.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void runningTotalAgreesWithAScanUpToItsDrift(long seed) {
        long window = seed % 2 == 0 ? 60 : 30;
        assertAgreesWithAScan(new RunningTotalMean(window, 2), window, seed, 1e-9);
    }

    /**
     * The running total loses what floating-point addition loses, as upstream's does (the 1 next to 1e16),
     * and starts again from 0 once the window empties, instead of carrying that loss on.
     */
    @Test
    void runningTotalForgetsItsDriftWhenTheWindowEmpties() {
        MovingMean m = new RunningTotalMean(30, 4);
        m.add(0, 1e16);
        m.add(15, 1); // the total rounds the 1 away
        assertEquals(0.0, m.mean(40), "t = 0 left: 1e16 - 1e16, the 1 lost");
        m.add(100, 5); // t = 15 left too and emptied the window: the total restarts at 0, not at -1
        assertEquals(5.0, m.mean(100));
    }

    /** Random samples and queries against the scan: bit for bit with {@code tolerance} 0, else within it. */
    private static void assertAgreesWithAScan(MovingMean fast, long window, long seed, double tolerance) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> all = new ArrayList<>(); // {t, v}, oldest first
        long t = 0;
        for (int i = 0; i < 5_000; i++) {
            t += switch (random.nextInt(6)) {
                case 0 -> 0;                       // another sample at the same instant
                case 1 -> 1 + random.nextInt(200); // an irregular gap
                default -> 15;
            };
            double v = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble() * 100;
            fast.add(t, v);
            all.add(new double[] {t, v});
            long now = t + (random.nextBoolean() ? 0 : random.nextInt(90));
            t = now;
            double target = TARGETS[i % TARGETS.length];
            double expected = scanMean(all, now, window);
            String where = "sample " + i + " at t " + t + ", queried at " + now;
            if (tolerance == 0) {
                assertEquals(Double.doubleToLongBits(expected / target),
                        Double.doubleToLongBits(fast.meanOver(now, target)), "ratio at " + where);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(fast.mean(now)), where);
            } else {
                assertEquals(expected, fast.mean(now), tolerance, where);
            }
        }
    }

    /** The window read literally: samples with t > now - window, newest first, NaN ones left out. */
    private static double scanMean(List<double[]> samples, long now, long window) {
        double sum = 0;
        int n = 0;
        for (int i = samples.size() - 1; i >= 0; i--) {
            double[] s = samples.get(i);
            if (s[0] > now - window && !Double.isNaN(s[1])) {
                sum += s[1];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
