package dev.scalewise.sim;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Basis;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.LoadTestFiles;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.policy.StatedCapacity;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import dev.scalewise.testkit.Histories;
import dev.scalewise.testkit.Traces;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 25, item 6: on the real token traces (Azure LLM inference 2023, conversation and code; Mooncake's
 * conversation trace, ../shared/traces), a replica's capacity stated in tokens/s from a vLLM load test
 * (src/test/resources/tokens) judges the SLO minutes right, and the same capacity converted to requests/s
 * misjudges them, because the tokens per request move from minute to minute.
 *
 * <p>Ground truth, computed from the trace's rows minute by minute without the replay: R replicas serve R x C
 * weighted tokens a second; a minute's demand is the tokens of the requests arriving in it, plus what still waits
 * from earlier minutes; what they cannot serve waits for the next. Its latency is the stated curve (the load test's
 * point, up to the 8 s threshold at C) at the load served per replica, plus the mean wait (the waiting tokens at
 * the minute's start and end, averaged, over R x C); it breaches above 8 s.
 * The replicas are fixed at what the trace's 75th-percentile minute needs, one rule for every trace; the
 * request-based capacity is C divided by the trace's own mean tokens per request (the best a single requests/s
 * figure can do on that trace).
 */
class TokenTraceReplayTest {
    private static final String SERVICES = "src/test/resources/tokens/services.yaml";

    @BeforeAll
    static void tracesArePresent() {
        assumeTrue(Traces.available(), "../shared/traces is not beside this checkout");
    }

    static ServiceSpec spec() {
        return ServicesFile.fromDocs(SafeYaml.load(SERVICES), LoadTestFiles.DISK).get("llm");
    }

    /** The services file states the capacity in tokens: read as such, with the load test as a latency point. */
    @Test
    void theStatedCapacityIsInTokensFromTheLoadTest() {
        StatedCapacity c = spec().capacity();
        assertAll(
                () -> assertTrue(c.tokens()),
                () -> assertEquals(2000, c.rpsPerReplica()),
                () -> assertEquals(1, c.points().size()),
                // (864,000 prompt + 144,000 generated tokens) / 600 s, the default prompt weight 1
                () -> assertEquals(1680, c.points().get(0).rpsPerReplica(), 1e-9),
                () -> assertEquals(6000, c.points().get(0).latencyMs()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Traces.AZURE_CONV, Traces.AZURE_CODE, Traces.MOONCAKE})
    void tokenCapacityJudgesTheRealMixRightAndRequestCapacityDoesNot(String trace) {
        ServiceSpec spec = spec();
        List<Traces.Request> rows = Traces.requests(trace);
        double[] requests = Traces.perInterval(trace, 60);
        double[][] tokens = Traces.tokensPerInterval(trace, 60);
        ServiceHistory inRequests = Histories.requests(requests).build();
        ServiceHistory withTokens = inRequests.withLlm(TokenReplayTest.llm(tokens[0], tokens[1]));

        ServiceModel tokenModel = ServiceModelFitter.fit(withTokens, spec);
        double perReplica = tokenModel.capacityPerReplica().value();
        double weight = tokenModel.work().promptWeight().value();
        int replicas = replicasForP75Minute(rows, requests.length, weight, perReplica);
        TreeSet<Long> truth = groundTruth(rows, requests.length, weight, replicas, tokenModel,
                spec.slo().thresholdMs());

        double tokensPerRequest = rows.stream().mapToDouble(r -> weight * r.promptTokens() + r.generatedTokens())
                .sum() / rows.size();
        ServiceSpec inRps = spec.withCapacity(new StatedCapacity(perReplica / tokensPerRequest, Double.NaN, List.of(),
                Double.NaN));
        ServiceModel requestModel = ServiceModelFitter.fit(inRequests, inRps);

        TreeSet<Long> byTokens = breachMinutes(withTokens, tokenModel, spec, replicas);
        TreeSet<Long> byRequests = breachMinutes(inRequests, requestModel, inRps, replicas);
        TreeSet<Long> missed = minus(truth, byRequests);
        TreeSet<Long> invented = minus(byRequests, truth);
        System.out.printf(Locale.ROOT, "%s: %d replicas of %.0f tokens/s (%.3g rps at %.0f tokens/request); %d of %d "
                        + "minutes breach; tokens judged %d (%d wrong), requests %d (missed %d, invented %d)%n", trace,
                replicas, perReplica, perReplica / tokensPerRequest, tokensPerRequest, truth.size(), requests.length,
                byTokens.size(), minus(truth, byTokens).size() + minus(byTokens, truth).size(), byRequests.size(),
                missed.size(), invented.size());
        assertAll(
                () -> assertTrue(tokenModel.work().tokens(), "a history with tokens is modeled in tokens"),
                () -> assertEquals(Basis.STATED, tokenModel.capacityPerReplica().basis()),
                () -> assertTrue(!truth.isEmpty() && truth.size() < requests.length, "the scenario has breaches and "
                        + "minutes without: " + truth.size()),
                () -> assertEquals(truth, byTokens, "token capacity: exactly the ground truth's minutes"),
                () -> assertTrue(!missed.isEmpty() || !invented.isEmpty(), "request capacity misjudges the real mix"));
    }

    /**
     * Every example policy on every token trace at 1 s resolution, with the capacity stated in tokens: the
     * controllers ask only for replicas in [min, max], every request and every token of the trace is counted
     * once, cost per million tokens is the cost over them, and the replay is deterministic.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("dev.scalewise.testkit.Traces#withEveryExamplePolicy")
    void everyExamplePolicyReplaysTheRealTokens(String trace, PolicySpec policy, String name) {
        ServiceSpec spec = spec();
        List<Traces.Request> rows = Traces.requests(trace);
        double[][] tokens = Traces.tokensPerInterval(trace, 1);
        ServiceHistory h = Histories.requests(Traces.perInterval(trace, 1)).stepSeconds(1)
                .replicas(policy.minReplicas()).build().withLlm(TokenReplayTest.llm(tokens[0], tokens[1]));
        ServiceModel model = ServiceModelFitter.fit(h, spec);
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = PolicyReplay.run(policy, h, model, spec, ReplayOptions.of(name).withTimeline(timeline, Signal.RPS))
                .total();
        double prompt = rows.stream().mapToDouble(Traces.Request::promptTokens).sum();
        double generated = rows.stream().mapToDouble(Traces.Request::generatedTokens).sum();
        assertAll(
                () -> assertTrue(model.work().tokens()),
                () -> assertEquals(rows.size(), o.requests(), 1e-6, "every request once"),
                () -> assertEquals(prompt, o.promptTokens(), 1e-6 * prompt, "every prompt token once"),
                () -> assertEquals(generated, o.generationTokens(), 1e-6 * generated, "every generated token once"),
                () -> assertEquals(o.cost() / (prompt + generated) * 1e6, o.costPer1MTokens(), 1e-9),
                () -> assertEquals(o, PolicyReplay.run(policy, h, model, spec, ReplayOptions.of(name)).total(),
                        "same input, same outcome"));
        for (TimelineRow row : timeline.rows()) {
            assertTrue(row.desiredReplicas() >= policy.minReplicas() && row.desiredReplicas() <= policy.maxReplicas(),
                    "t " + row.secondsSinceStart() + ": " + row.desiredReplicas() + " outside [" + policy.minReplicas()
                            + ", " + policy.maxReplicas() + "]");
        }
    }

    /** Weighted tokens arriving in each minute, straight from the rows. */
    static double[] workPerMinute(List<Traces.Request> rows, int minutes, double weight) {
        double[] w = new double[minutes];
        for (Traces.Request r : rows) {
            w[(int) (r.atMs() / 60_000)] += weight * r.promptTokens() + r.generatedTokens();
        }
        return w;
    }

    /** Replicas that serve the trace's 75th-percentile minute of token demand. */
    static int replicasForP75Minute(List<Traces.Request> rows, int minutes, double weight, double perReplica) {
        double[] w = workPerMinute(rows, minutes, weight);
        double[] sorted = w.clone();
        Arrays.sort(sorted);
        return (int) Math.ceil(sorted[(int) Math.floor(0.75 * (minutes - 1))] / 60 / perReplica);
    }

    /** Minutes that breach (see the class comment), from the rows. */
    static TreeSet<Long> groundTruth(List<Traces.Request> rows, int minutes, double weight, int replicas,
                                     ServiceModel stated, double thresholdMs) {
        double[] w = workPerMinute(rows, minutes, weight);
        double perSecond = replicas * stated.capacityPerReplica().value();
        double waiting = 0;
        TreeSet<Long> out = new TreeSet<>();
        for (int m = 0; m < minutes; m++) {
            double demand = waiting + w[m];
            double served = Math.min(demand, perSecond * 60);
            double left = demand - served;
            double latencyMs = stated.latency().latencyMs(served / 60 / replicas) + (waiting + left) / 2 / perSecond * 1000;
            if (w[m] > 0 && latencyMs > thresholdMs * (1 + 1e-6)) {
                out.add((long) m);
            }
            waiting = left;
        }
        return out;
    }

    /** The replay's breach minutes with the replicas held at {@code replicas}. */
    static TreeSet<Long> breachMinutes(ServiceHistory h, ServiceModel model, ServiceSpec spec, int replicas) {
        TreeSet<Long> out = new TreeSet<>();
        Replay.run(h, model, spec, TestAutoscalers.schedule(60, t -> replicas), ReplayOptions.of("fixed").withInitialReplicas(replicas)
                .withMinuteLog((minute, minutes, latencyMs, breach) -> {
                    if (breach) {
                        out.add(minute);
                    }
                }));
        return out;
    }

    private static TreeSet<Long> minus(TreeSet<Long> a, TreeSet<Long> b) {
        TreeSet<Long> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
