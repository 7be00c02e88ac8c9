package dev.scalewise.sim.autoscaler;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.testkit.Histories;
import dev.scalewise.testkit.Traces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The replay on traffic nobody here generated: the Azure LLM inference traces (2023, conversation and code)
 * and Mooncake's conversation trace (../shared/traces), binned per second (their bursts are second-scale)
 * or per minute. An LLM-like replica: p95 latency 2 s idle rising as an M/M/1 queue toward 2 rps, so it
 * serves 1.5 rps within an 8 s p95 SLO.
 */
class RealTraceReplayTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 8000, 0.99);
    static final ServiceSpec SPEC = new ServiceSpec("svc", SLO, OptionalDouble.empty(), OptionalDouble.empty(), true);

    @BeforeAll
    static void tracesArePresent() {
        assumeTrue(Traces.available(), "../shared/traces is not beside this checkout");
    }

    static ServiceModel llmReplica(double muRps) {
        return ServiceModel.stated("svc", LatencyCurve.queueing(2000, muRps), SLO, 60, 4.0);
    }

    /** The facts each trace's README states, read back through the loader. */
    @Test
    void tracesAreWhatTheirReadmeSays() {
        double[] conv = Traces.perInterval(Traces.AZURE_CONV, 60);
        double[] code = Traces.perInterval(Traces.AZURE_CODE, 60);
        double[] mooncake = Traces.perInterval(Traces.MOONCAKE, 60);
        assertAll(
                () -> assertEquals(19_366, Arrays.stream(conv).sum()),
                () -> assertEquals(60, conv.length),
                () -> assertEquals(7, Arrays.stream(conv).min().orElseThrow()),
                () -> assertEquals(502, Arrays.stream(conv).max().orElseThrow()),
                () -> assertEquals(8_819, Arrays.stream(code).sum()),
                () -> assertEquals(45, Arrays.stream(code).filter(c -> c > 0).count(), "minutes with requests"),
                () -> assertEquals(12_031, Arrays.stream(mooncake).sum()),
                () -> assertEquals(59, mooncake.length));
    }

    /**
     * The code trace has requests in 45 of its 58 minutes: the 13 others are zero traffic, not gaps. With
     * replicas that never queue (mu = 2,000 rps: 2000 x (1 - 2000 / 8000) = 1,500 rps each within the SLO,
     * against at most 585 requests in a minute), exactly the 45 minutes with traffic are judged, none
     * breaches, none is unknown.
     */
    @Test
    void quietMinutesAreZeroTrafficNotMissingData() {
        ServiceHistory h = Histories.requests(Traces.perInterval(Traces.AZURE_CODE, 60)).replicas(5).build();
        PolicySpec hpa = policy("rerank"); // the example HPA on rps per pod
        Outcome o = PolicyReplay.run(hpa, h, llmReplica(2000), SPEC).total();
        assertAll(
                () -> assertEquals(8_819, o.requests(), 1e-6),
                () -> assertEquals(45, o.sloMinutes()),
                () -> assertEquals(0, o.breachMinutes()),
                () -> assertEquals(0, o.unknownMinutes()));
    }

    /**
     * Every example policy on every trace at 1 s resolution: the controllers only ever ask for replicas in
     * [min, max], every request of the trace is counted once, and the replay is deterministic.
     */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("dev.scalewise.testkit.Traces#withEveryExamplePolicy")
    void everyControllerStaysInBoundsOnRealBursts(String trace, PolicySpec policy, String name) {
        assumeTrue(Traces.available());
        double[] perSecond = Traces.perInterval(trace, 1);
        ServiceHistory h = Histories.requests(perSecond).stepSeconds(1).replicas(policy.minReplicas()).build();
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = PolicyReplay.run(policy, h, llmReplica(2), SPEC,
                ReplayOptions.of(name).withTimeline(timeline, Signal.RPS)).total();
        assertEquals(Arrays.stream(perSecond).sum(), o.requests(), 1e-6, "every request counted once");
        for (TimelineRow row : timeline.rows()) {
            assertTrue(row.desiredReplicas() >= policy.minReplicas() && row.desiredReplicas() <= policy.maxReplicas(),
                    "t " + row.secondsSinceStart() + ": " + row.desiredReplicas() + " outside [" + policy.minReplicas()
                            + ", " + policy.maxReplicas() + "]");
        }
        assertEquals(o, PolicyReplay.run(policy, h, llmReplica(2), SPEC).total(), "same input, same outcome");
    }

    private static PolicySpec policy(String name) {
        return PolicyLoader.load(List.of("policies/hpa-rerank-capped.yaml")).policies().stream()
                .filter(p -> p.meta().name().equals(name)).findFirst().orElseThrow();
    }
}
