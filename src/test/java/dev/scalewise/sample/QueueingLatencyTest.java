package dev.scalewise.sample;

import dev.scalewise.policy.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyCurveTest {
    /** The services simulated in requests (the LLM server's curves are BatchingLatencyTest's). */
    static List<ServiceProfile> profiles() {
        return FleetProfiles.ALL.stream().filter(p -> p.llm() == null).toList();
    }

    /** The documented capacity is exactly where the SLO percentile reaches the threshold. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void capacityAtSloIsWhereTheSloPercentileCrossesTheThreshold(ServiceProfile p) {
        QueueingLatency curve = p.latency();
        Slo slo = p.slo();
        assertEquals(slo.thresholdMs(), curve.percentileMs(slo.percentile(), p.capacityRpsAtSlo()),
                1e-9 * slo.thresholdMs());
        assertTrue(curve.percentileMs(slo.percentile(), 0.99 * p.capacityRpsAtSlo()) < slo.thresholdMs());
        assertTrue(curve.percentileMs(slo.percentile(), 1.01 * p.capacityRpsAtSlo()) > slo.thresholdMs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void latencyRisesWithLoadUpToTheCap(ServiceProfile p) {
        QueueingLatency curve = p.latency();
        double previous = 0;
        for (double load = 0; load <= QueueingLatency.MAX_RHO * curve.saturationRps(); load += curve.saturationRps() / 50) {
            double p95 = curve.p95Ms(load);
            assertTrue(p95 > previous, p.name() + " at " + load);
            assertTrue(curve.p50Ms(load) < p95 && p95 < curve.p99Ms(load));
            previous = p95;
        }
    }

    /**
     * llm-chat: base 1500 ms, p95 = 2 x p50, SLO p95 8000 ms at 2.4 rps.
     * rho at SLO = 1 - 2 x 1500 / 8000 = 0.625; saturation = 2.4 / 0.625 = 3.84 rps;
     * at 1.92 rps rho = 0.5, p50 = 1500 / 0.5 = 3000 ms, p95 = 6000 ms.
     */
    @Test
    void handWorkedLlmChat() {
        QueueingLatency curve = QueueingLatency.forSlo(1500, 2.0, 2.8, new Slo(Slo.Percentile.P95, 8000, 0.99), 2.4);
        assertEquals(3.84, curve.saturationRps(), 1e-12);
        assertEquals(3000, curve.p50Ms(1.92), 1e-9);
        assertEquals(6000, curve.p95Ms(1.92), 1e-9);
        assertEquals(1500, curve.p50Ms(0), 1e-12);
    }

    @Test
    void rejectsAnSloTheBaseLatencyAlreadyBreaks() {
        assertThrows(IllegalArgumentException.class,
                () -> QueueingLatency.forSlo(500, 2.0, 3.0, new Slo(Slo.Percentile.P95, 900, 0.99), 10));
    }
}
