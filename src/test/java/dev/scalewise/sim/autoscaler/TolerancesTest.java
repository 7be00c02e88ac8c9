package dev.scalewise.sim.autoscaler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dead band, and its branch-free form the per-pod proposal uses: the same answer for every ratio. */
class TolerancesTest {
    private static final double[] BANDS = {0, 0.05, 0.1, 0.5, 1e-12, 0.3};

    @Test
    void bothBoundsAreInside() {
        Tolerances t = new Tolerances(0.05, 0.1);
        assertTrue(t.within(1.0 - 0.05));
        assertTrue(t.within(1.0 + 0.1));
        assertFalse(t.within(Math.nextDown(1.0 - 0.05)));
        assertFalse(t.within(Math.nextUp(1.0 + 0.1)));
        assertEquals(0, t.outsideBit(1.0 + 0.1));
        assertEquals(1, t.outsideBit(Math.nextUp(1.0 + 0.1)));
    }

    /** Ratios on, next to and far from both bounds, zeros, subnormals and infinities (not NaN: filtered before). */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void branchFreeFormAgreesWithTheComparisons(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (double down : BANDS) {
            for (double up : BANDS) {
                Tolerances t = new Tolerances(down, up);
                double[] edges = {1.0 - down, 1.0 + up, 1.0, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                        Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (double edge : edges) {
                    for (double r : new double[] {edge, Math.nextUp(edge), Math.nextDown(edge)}) {
                        assertAgree(t, r);
                    }
                }
                for (int i = 0; i < 2_000; i++) {
                    assertAgree(t, random.nextDouble(-0.5, 2.5));
                }
            }
        }
    }

    private static void assertAgree(Tolerances t, double ratio) {
        assertEquals(t.within(ratio) ? 0 : 1, t.outsideBit(ratio), () -> t + " at ratio " + ratio);
    }
}
