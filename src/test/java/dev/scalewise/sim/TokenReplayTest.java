package dev.scalewise.sim;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Confidence;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.LlmSignalCurves;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.TargetCurve;
import dev.scalewise.model.TokenWork;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model in weighted tokens (docs/tokens.md), worked by hand: one replica, 1 request/s in both minutes, the
 * second minute's requests four times as long. Prompt weight 0.5: minute 0 is 0.5 x 6,000 + 1,200 = 4,200
 * weighted tokens (70/s), minute 1 0.5 x 24,000 + 4,800 = 16,800 (280/s). The curve 1,000 ms / (1 - x / 400)
 * reaches the 2,000 ms threshold at 200 tokens/s: minute 0 meets it (1,000 / 0.825 = 1,212 ms), minute 1 does
 * not (the replica serves 200/s, the rest queues). In requests both minutes are the same load.
 */
class TokenReplayTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 2000, 0.99);
    static final ServiceSpec SPEC = new ServiceSpec("llm", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true);
    static final TokenWork HALF = TokenWork.tokens(Fitted.stated(0.5, "the test"));

    static ServiceHistory history() {
        ServiceHistory h = Histories.requests(60, 60).replicas(1).build();
        return h.withLlm(llm(new double[] {6000, 24_000}, new double[] {1200, 4800}));
    }

    static LlmSeries llm(double[] prompt, double[] generated) {
        double[][] s = new double[LlmSeries.NAMES.size()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = new double[prompt.length];
            Arrays.fill(s[k], Double.NaN);
        }
        s[0] = prompt;
        s[1] = generated;
        return LlmSeries.of(s);
    }

    static ServiceModel model() {
        // price 3.6 per replica-hour: 0.001 a replica-second
        return ServiceModel.stated("llm", LatencyCurve.queueing(1000, 400), SLO, 0, 3.6).withWork(HALF);
    }

    @Test
    void workPerRequestIsTheStepsWeightedTokens() {
        assertArrayEquals(new double[] {70, 280}, HALF.perRequest(history()), 1e-12);
        assertArrayEquals(new double[] {4200, 16_800}, HALF.view(history()).requests(), 1e-12);
    }

    @Test
    void aStepWithoutTokensTakesTheTypicalWorkPerRequest() {
        ServiceHistory h = Histories.requests(60, 60, 30).replicas(1).build()
                .withLlm(llm(new double[] {6000, 24_000, Double.NaN}, new double[] {1200, 4800, Double.NaN}));
        // (4,200 + 16,800) / 120 requests = 175 per request
        assertAll(
                () -> assertEquals(175, HALF.typicalPerRequest(h).value(), 1e-12),
                () -> assertArrayEquals(new double[] {70, 280, 175}, HALF.perRequest(h), 1e-12),
                () -> assertArrayEquals(new double[] {1, 1, 1}, TokenWork.REQUESTS.perRequest(h)));
    }

    @Test
    void theLongMinuteBreachesAtTheSameRequestRate() {
        Outcome o = Replay.run(history(), model(), SPEC, TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one"))
                .total();
        Outcome inRequests = Replay.run(history(), model().withWork(TokenWork.REQUESTS), SPEC,
                TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one")).total();
        assertAll(
                () -> assertEquals(2, o.sloMinutes()),
                () -> assertEquals(1, o.breachMinutes(), "minute 1 only"),
                () -> assertEquals(120, o.requests(), 1e-9, "arrivals stay requests"),
                () -> assertEquals(0, inRequests.breachMinutes(), "1 rps is far below 200 rps: no breach in requests"));
    }

    /**
     * Cost 120 replica-seconds x 0.001 = 0.12 for 30,000 prompt and 6,000 generated tokens: blended 0.12 / 36,000
     * x 1e6 = 3.33; the work is 0.5 x 30,000 + 6,000 = 21,000, so a generated token costs 0.12 / 21,000 x 1e6 =
     * 5.71 per million and a prompt token half that, 2.86.
     */
    @Test
    void costPerMillionTokensSplitsTheCostByWork() {
        Outcome o = Replay.run(history(), model(), SPEC, TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one"))
                .total();
        assertAll(
                () -> assertEquals(0.12, o.cost(), 1e-12),
                () -> assertEquals(30_000, o.promptTokens(), 1e-9),
                () -> assertEquals(6_000, o.generationTokens(), 1e-9),
                () -> assertEquals(0.12 / 36_000 * 1e6, o.costPer1MTokens(), 1e-9),
                () -> assertEquals(0.12 / 21_000 * 1e6, o.costPer1MOutputTokens(), 1e-9),
                () -> assertEquals(0.06 / 21_000 * 1e6, o.costPer1MInputTokens(), 1e-9),
                () -> assertEquals(0.12 / 36_000 * 1e6,
                        AsRun.outcomes(history().withLlm(history().llm()), model(), withPrice()).total().costPer1MTokens(),
                        1e-9, "the observed run: 1 replica x 120 s at the same price"));
    }

    @Test
    void withoutTokensThereIsNoCostPerMillionTokens() {
        Outcome o = Replay.run(Histories.requests(60, 60).replicas(1).build(), model().withWork(TokenWork.REQUESTS), SPEC,
                TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one")).total();
        assertAll(
                () -> assertTrue(Double.isNaN(o.promptTokens())),
                () -> assertTrue(Double.isNaN(o.costPer1MTokens())));
    }

    /**
     * Several targets, all must hold: TTFT 2,000 ms (the queueing curve above, waiting adds to it) and TPOT 50 ms
     * (20 + 0.2 ms per token/s; waiting does not add to it: the first token has not come yet). A TPOT value is
     * judged on TTFT's scale, x 2,000 / 50 = 40. At 180 tokens/s TTFT is 1,818 ms but TPOT 56 ms: a breach
     * without any queue.
     */
    @Test
    void everyTargetMustHoldAndWaitingDelaysOnlyTheFirstToken() {
        Slo.Target tpot = new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 50);
        Slo slo = new Slo(Slo.Percentile.P95, 2000, 0.99, Slo.Metric.TTFT, List.of(tpot));
        LatencyCurve tpotCurve = LatencyCurve.through(new double[] {0, 1000}, new double[] {20, 220},
                Double.POSITIVE_INFINITY);
        ServiceModel m = model();
        m = new ServiceModel(m.service(), m.latency(), m.percentile(), m.capacityPerReplica(), m.saturationPerReplica(),
                m.busiestLoadPerReplica(), m.gpuUtil(), m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(),
                m.startupSeconds(), m.pricePerReplicaHour(), m.currency(), m.work(),
                List.of(new TargetCurve(tpot, tpotCurve, Fitted.stated(150, "the test"))));
        SloLatency latency = new SloLatency(m, slo);
        double ttft180 = 1000 / (1 - 180.0 / 400);
        assertAll(
                () -> assertEquals(34 * 40, latency.at(70, 0), 1e-9, "TPOT 34 ms is the worse at 70 tokens/s"),
                () -> assertEquals(40 * 40, latency.at(100, 0), 1e-9),
                () -> assertEquals(56 * 40, latency.at(180, 0), 1e-9),
                () -> assertTrue(slo.breachedBy(latency.at(180, 0)), "TPOT breaches alone"),
                () -> assertTrue(!slo.breachedBy(ttft180)),
                () -> assertEquals(ttft180 + 900, latency.at(180, 900), 1e-9, "900 ms waiting adds to TTFT, not TPOT"));
    }

    /**
     * A KV-cache HPA sees the fitted KV-cache curve at the load in tokens: 0.002 per token/s per replica, so
     * minute 0 (70 tokens/s) reads 0.14 and minute 1 (280 tokens/s of demand on a replica saturated at 200: it
     * reads the demand, as GPU utilization does) 0.56, at the same 1 request/s.
     */
    @Test
    void theKvCacheSignalFollowsTheLoadInTokens() {
        ServiceModel m = model();
        m = new ServiceModel(m.service(), m.latency(), m.percentile(), m.capacityPerReplica(), m.saturationPerReplica(),
                m.busiestLoadPerReplica(), m.gpuUtil(), m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(),
                m.startupSeconds(), m.pricePerReplicaHour(), m.currency(), m.work(), m.more(),
                new LlmSignalCurves(new SignalCurve("kv_cache_util", 0, 0.002, 0, 1, 30, Confidence.HIGH, "test"),
                        SignalCurve.unknown("gpu_mem_util", 0, "test"), SignalCurve.unknown("sm_active", 0, "test")));
        java.util.Map<Long, double[]> seen = new java.util.TreeMap<>();
        Autoscaler spy = new Autoscaler() {
            @Override
            public int periodSeconds() {
                return 60;
            }

            @Override
            public int decide(long now, int current, int ready, MetricsView metrics) {
                seen.put(now, new double[] {metrics.value(Signal.KV_CACHE_UTIL), metrics.value(Signal.RPS)});
                return 1;
            }
        };
        ServiceHistory h = Histories.requests(60, 60, 60).replicas(1).build()
                .withLlm(llm(new double[] {6000, 24_000, 24_000}, new double[] {1200, 4800, 4800}));
        Replay.run(h, m, SPEC, spy, ReplayOptions.of("kv"));
        assertAll(
                () -> assertArrayEquals(new double[] {0.14, 1}, seen.get(0L), 1e-12, "before a period: the first step"),
                () -> assertArrayEquals(new double[] {0.14, 1}, seen.get(60L), 1e-12),
                () -> assertArrayEquals(new double[] {0.56, 1}, seen.get(120L), 1e-12));
    }

    @Test
    void theObservedRunBreachesWhenAnyTargetDoes() {
        Slo.Target tpot = new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 50);
        Slo slo = new Slo(Slo.Percentile.P95, 2000, 0.99, Slo.Metric.TTFT, List.of(tpot));
        double[][] s = new double[LlmSeries.NAMES.size()][4];
        for (double[] a : s) {
            Arrays.fill(a, Double.NaN);
        }
        s[3] = new double[] {1500, 2500, 1500, 2500};   // ttft_p95_ms: minutes 1 and 3 breach
        s[6] = new double[] {40, 40, 70, 60};           // tpot_p95_ms: minutes 2 and 3 breach
        ServiceHistory h = Histories.requests(60, 60, 60, 60).replicas(1).build().withLlm(LlmSeries.of(s));
        assertArrayEquals(new double[] {1600, 2500, 2800, 2500}, SloLatency.observed(h, slo), 1e-9);
        ServiceSpec spec = new ServiceSpec("llm", slo, OptionalDouble.empty(), OptionalDouble.of(3.6), true);
        Outcome o = AsRun.outcomes(h, model().withWork(TokenWork.REQUESTS), spec).total();
        assertAll(
                () -> assertEquals(4, o.sloMinutes()),
                () -> assertEquals(3, o.breachMinutes()),
                () -> assertEquals(2, o.ttftBreachMinutes(), "minutes 1 and 3, TTFT judged alone"),
                () -> assertEquals(2, o.tpotBreachMinutes(), "minutes 2 and 3, TPOT judged alone"));
    }

    /**
     * The replay counts each target's breach minutes apart too. The model of the several-targets test above,
     * one replica, 1 request/s with the load in weighted tokens 70, 180, 180 and 280 tokens/s: minute 0 meets
     * both targets (TTFT 1,212 ms, TPOT 34 ms), minutes 1 and 2 breach TPOT alone (1,818 ms, 56 ms; minute 2
     * repeats minute 1's load, so the replay serves it from its memo), minute 3 both (the replica serves its
     * 200 tokens/s, TPOT 60 ms, and the rest queues in front of the first token).
     */
    @Test
    void theReplayCountsTtftAndTpotBreachMinutesApart() {
        Slo.Target tpot = new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 50);
        Slo slo = new Slo(Slo.Percentile.P95, 2000, 0.99, Slo.Metric.TTFT, List.of(tpot));
        ServiceModel m = model();
        m = new ServiceModel(m.service(), m.latency(), m.percentile(), m.capacityPerReplica(), Fitted.stated(200, "test"),
                m.busiestLoadPerReplica(), m.gpuUtil(), m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(),
                m.startupSeconds(), m.pricePerReplicaHour(), m.currency(), m.work(),
                List.of(new TargetCurve(tpot, LatencyCurve.through(new double[] {0, 1000}, new double[] {20, 220},
                        Double.POSITIVE_INFINITY), Fitted.stated(150, "the test"))));
        ServiceHistory h = Histories.requests(60, 60, 60, 60).replicas(1).build()
                .withLlm(llm(new double[] {6000, 14_400, 14_400, 24_000}, new double[] {1200, 3600, 3600, 4800}));
        ServiceSpec spec = new ServiceSpec("llm", slo, OptionalDouble.empty(), OptionalDouble.empty(), true);
        Outcome o = Replay.run(h, m, spec, TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one")).total();
        Outcome ttftOnly = Replay.run(h, model(), new ServiceSpec("llm", new Slo(Slo.Percentile.P95, 2000, 0.99,
                Slo.Metric.TTFT, List.of()), OptionalDouble.empty(), OptionalDouble.empty(), true),
                TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one")).total();
        Outcome latencyOnly = Replay.run(h, model(), SPEC, TestAutoscalers.schedule(60, t -> 1), ReplayOptions.of("one"))
                .total();
        assertAll(
                () -> assertEquals(3, o.breachMinutes()),
                () -> assertEquals(1, o.ttftBreachMinutes(), "minute 3"),
                () -> assertEquals(3, o.tpotBreachMinutes(), "minutes 1, 2 and 3"),
                () -> assertEquals(ttftOnly.breachMinutes(), ttftOnly.ttftBreachMinutes(), "a lone TTFT target: its breaches"),
                () -> assertTrue(Double.isNaN(ttftOnly.tpotBreachMinutes()), "no TPOT target"),
                () -> assertTrue(Double.isNaN(latencyOnly.ttftBreachMinutes()) && Double.isNaN(latencyOnly.tpotBreachMinutes())));
    }

    private static ServiceSpec withPrice() {
        return new ServiceSpec("llm", SLO, OptionalDouble.empty(), OptionalDouble.of(3.6), true);
    }
}
