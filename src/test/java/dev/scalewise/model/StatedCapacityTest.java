package dev.scalewise.model;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.policy.StatedCapacity;
import dev.scalewise.testkit.ContractCsv;
import dev.scalewise.testkit.ServicesYaml;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 item 3: what services.yaml states (numbers, points, load-test files) beats what history shows,
 * and the model says it was stated.
 */
class StatedCapacityTest {
    static final Slo ALIBABA_SLO = new Slo(Slo.Percentile.P95, 68_000, 0.95);

    static ServiceSpec spec(String service, String yaml) {
        return ServicesYaml.spec(service, yaml);
    }

    /**
     * The real GenAI trace never shows where latency reaches the SLO (a lower bound of 0.056 rps/replica at 60 s).
     * Three Locust runs of one replica (0.040, 0.080, 0.119 rps: p95 40, 52, 75 s) cross 68 s at
     * 0.080 + (68 - 52) / (75 - 52) x 0.039 = 0.1071 rps/replica: stated, and the busiest known load is the
     * load test's top, 0.119.
     */
    @Test
    void aStatedLoadTestOverridesTheFit() {
        ServiceSpec spec = spec("genai-sd", """
                services:
                  genai-sd:
                    slo: {latency: p95, thresholdMs: 68000, objective: 0.95}
                    startupSeconds: 240
                    capacity:
                      loadTests: [genai_2users_stats.csv, genai_4users_stats.csv, {file: genai_6users_stats.csv, format: locust}]
                """);
        ServiceHistory h = ContractCsv.history(ContractCsv.ALIBABA, "genai-sd", 60);
        ServiceModel fitted = ServiceModelFitter.fit(h, spec.withCapacity(StatedCapacity.NONE));
        ServiceModel stated = ServiceModelFitter.fit(h, spec);
        Fitted c = stated.capacityPerReplica();
        assertAll(c.note(),
                () -> assertEquals(Basis.LOWER_BOUND, fitted.capacityPerReplica().basis()),
                () -> assertEquals(Basis.STATED, c.basis()),
                () -> assertEquals(Confidence.HIGH, c.confidence()),
                () -> assertEquals(0.080 + 16.0 / 23 * 0.039, c.value(), 1e-3),
                () -> assertTrue(c.note().contains("genai_6users_stats.csv"), c.note()),
                () -> assertEquals(0.119, stated.busiestLoadPerReplica().value(), 1e-9),
                () -> assertEquals(Basis.STATED, stated.busiestLoadPerReplica().basis()),
                () -> assertEquals(68_000, stated.latency().latencyMs(c.value()), 1),
                () -> assertTrue(!stated.capacityBeyondHistory()),
                () -> assertEquals(0.119, stated.saturationPerReplica().value(), 1e-9, "the most a load test served"));
    }

    /**
     * A vLLM sweep at 1..4 requests/s (p95 e2e 2.1, 2.6, 3.6, 7.9 s at 0.99, 1.98, 2.95, 3.61 req/s) states a
     * 5 s p95 capacity of 2.95 + (5000 - 3612.5) / (7921.3 - 3612.5) x 0.66 = 3.163 req/s on one replica; on two
     * replicas ({@code replicas: 2}) half that per replica.
     */
    @Test
    void aVllmSweepStatesTheCurve() {
        String files = "[vllm-1.0qps-Llama-3.1-8B-Instruct-20251103-101500.json, "
                + "vllm-2.0qps-Llama-3.1-8B-Instruct-20251103-101500.json, "
                + "vllm-3.0qps-Llama-3.1-8B-Instruct-20251103-101500.json, "
                + "{file: vllm-4.0qps-Llama-3.1-8B-Instruct-20251103-101500.json, replicas: %s}]";
        ServiceSpec one = spec("chat", "services: {chat: {slo: {latency: p95, thresholdMs: 5000}, capacity: {loadTests: "
                + files.formatted("1") + "}}}");
        ServiceModel m = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(19.5, 200, 1), one);
        assertEquals(2.95 + (5000 - 3612.5) / (7921.3 - 3612.5) * 0.66, m.capacityPerReplica().value(), 1e-2,
                m.capacityPerReplica().note());
        ServiceSpec two = spec("chat", "services: {chat: {slo: {latency: p95, thresholdMs: 5000}, capacity: {loadTests: "
                + files.formatted("2") + "}}}");
        // the 4 qps run now shows 1.805 req/s per replica at 7.9 s: the crossing moves below 2.95
        double c = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(19.5, 200, 1), two)
                .capacityPerReplica().value();
        assertTrue(c < 2.95, "" + c);
    }

    /**
     * A stated capacity alone bends the fitted curve through (capacity, threshold): at it the SLO percentile is
     * the threshold, beyond it above.
     */
    @Test
    void aStatedCapacityBendsTheCurveThroughIt() {
        ServiceSpec spec = new ServiceSpec("svc", new Slo(Slo.Percentile.P95, 1000, 0.99), OptionalDouble.of(60),
                OptionalDouble.of(1), true, OptionalDouble.empty(),
                new StatedCapacity(10, Double.NaN, List.of(), Double.NaN));
        ServiceModel m = ServiceModelFitter.fit(ServiceModelFitterTest.queueingHistory(12, 2000, 1), spec);
        assertAll(m.capacityPerReplica().note(),
                () -> assertEquals(10, m.capacityPerReplica().value()),
                () -> assertEquals(Basis.STATED, m.capacityPerReplica().basis()),
                () -> assertEquals(1000, m.latency().latencyMs(10), 1e-6),
                () -> assertTrue(m.latency().latencyMs(10.5) > 1000),
                () -> assertEquals(m.latency().latencyMs(5), ServiceModelFitter.fit(
                        ServiceModelFitterTest.queueingHistory(12, 2000, 1), spec.withCapacity(StatedCapacity.NONE))
                        .latency().latencyMs(5), 25, "below the capacity the fitted curve stays"),
                () -> assertTrue(!m.capacityBeyondHistory()));
    }
}
