package dev.scalewise.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyCurveTest {
    /**
     * Knots 100, 400, 700 ms at 1, 3, 5 rps; tail mu = 10 anchored at (5, 700): 350 / (1 - x/10) up to
     * 10 x 700 ms, reached at x = 9.5 (headroom 0.05, a tenth of the last knot's 0.5); then its tangent there,
     * slope 350 / 10 / 0.05^2 = 14,000 ms per rps.
     */
    static final LatencyCurve CURVE = new LatencyCurve(1, 2, new double[] {100, 400, 700}, 10);

    @ParameterizedTest(name = "{0} rps -> {1} ms")
    @CsvSource({
        "0, 100",       // below the first knot: flat
        "1, 100",
        "2, 250",       // halfway 100..400
        "4, 550",
        "5, 700",       // last knot
        "6, 875",       // 350 / (1 - 0.6)
        "8, 1750",      // 350 / 0.2
        "9.5, 7000",    // 10 x the last knot: the tangent starts
        "10, 14000",    // 7000 + 0.5 x 14000: finite at the service rate
        "12, 42000"})
    void interpolatesThenFollowsTheQueueingTail(double x, double expectedMs) {
        assertEquals(expectedMs, CURVE.latencyMs(x), 1e-9);
    }

    @ParameterizedTest(name = "{0} ms at {1} rps")
    @CsvSource({"50, 0", "250, 2", "700, 5", "1750, 8", "7000, 9.5", "14000, 10"})
    void loadAtIsTheInverse(double ms, double expectedRps) {
        assertEquals(expectedRps, CURVE.loadAtMs(ms), 1e-9);
    }
}
