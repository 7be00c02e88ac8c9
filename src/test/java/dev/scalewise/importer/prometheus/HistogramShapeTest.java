package dev.scalewise.importer.prometheus;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture's histograms give back the exact percentile, keep the others in their bucket, stay monotone. */
class HistogramShapeTest {
    private static final double[] B = FleetExposition.BUCKETS;
    private static final double[] Q = {0.5, 0.95, 0.99};

    @Test
    void handWorkedCase() {
        // p95 = 0.3 s in (0.25, 0.5] (bounds 4 and 5): F(0.25) and F(0.5) on a line through (0.3, 0.95)
        double[] f = HistogramShape.cdfAtBounds(B, Q, new double[]{0.1, 0.3, 0.45}, 1);
        assertEquals(0.3, HistogramShape.quantile(B, f, 0.95), 1e-12);
        // linear through (0.25, F25) and (0.5, F50): F25 + (F50 - F25) * (0.3 - 0.25) / 0.25 = 0.95
        assertEquals(0.95, f[4] + (f[5] - f[4]) * 0.2, 1e-12);
    }

    @Test
    void randomTargetsComeBackExactlyAtTheChosenPercentile() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double p50 = 0.024 + rnd.nextDouble() * 30;
            double wait = rnd.nextDouble() < 0.3 ? rnd.nextDouble() * 20 : 0;
            double[] v = {p50 + wait, p50 * (1.5 + rnd.nextDouble()) + wait, p50 * (2.5 + rnd.nextDouble()) + wait};
            for (int k = 0; k < 3; k++) {
                v[k] *= Math.exp(0.03 * rnd.nextGaussian());
            }
            int exact = rnd.nextInt(3);
            if (v[exact] > B[B.length - 1] || (v[exact] <= B[0] && v[exact] < Q[exact] * B[0])) {
                continue;
            }
            double[] f = HistogramShape.cdfAtBounds(B, Q, v, exact);
            for (int b = 1; b < f.length; b++) {
                assertTrue(f[b] >= f[b - 1] - 1e-15 && f[b] <= 1 + 1e-12 && f[0] >= 0, "monotone in [0,1]");
            }
            assertEquals(v[exact], HistogramShape.quantile(B, f, Q[exact]), 1e-9 * v[exact], "exact percentile");
        }
    }
}
