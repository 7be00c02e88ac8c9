package dev.scalewise.backtest;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.sim.AsRun;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceBacktestTest {
    private static final int DAYS = 3;
    private static final Instant DAY1 = Histories.START.plus(Duration.ofDays(1));
    private static final ServiceSpec SPEC = new ServiceSpec("svc", new Slo(Slo.Percentile.P95, 300, 0.99),
            OptionalDouble.of(60), OptionalDouble.of(2.0), true);

    /**
     * Demand swings 5..15 rps over each day on 2 replicas; p95 = 100 / (1 - L/10) ms at L rps per
     * replica, so the 300 ms SLO is reached at L = 6.67 rps per replica.
     */
    static ServiceHistory history() {
        int steps = DAYS * 1440;
        double[] requests = new double[steps];
        double[] p95 = new double[steps];
        for (int i = 0; i < steps; i++) {
            double rps = 10 + 5 * Math.sin(2 * Math.PI * i / 1440.0);
            requests[i] = rps * 60;
            p95[i] = 100 / (1 - rps / 2 / 10);
        }
        return Histories.requests(requests).replicas(2).p95(p95).build();
    }

    static HpaPolicy hpa(String name, double rpsPerReplica, int max) {
        PolicyMeta meta = new PolicyMeta(name, "HorizontalPodAutoscaler", "autoscaling/v2", "svc",
                new SourceLocation("p.yaml", 1, 1), Set.of());
        return new HpaPolicy(meta, 1, max, List.of(new MetricTarget(MetricTarget.MetricSource.PODS, "rps_per_replica",
                Signal.RPS_PER_REPLICA, MetricTarget.TargetType.AVERAGE_VALUE, rpsPerReplica)), Optional.empty(), 0.1, 15);
    }

    @Test
    void reportsObservedAndEveryPolicyForTheRequestedDaysOnly() {
        ServiceHistory h = history();
        List<PolicySpec> policies = List.of(hpa("tight", 6, 10), hpa("capped", 6, 1));
        ServiceBacktest.Result r = ServiceBacktest.run(h, SPEC, policies, DAY1, Histories.START.plus(Duration.ofDays(DAYS)));

        assertTrue(r.problems().isEmpty(), r.problems().toString());
        // 3 series (observed + 2 policies) x days 1 and 2; day 0 is warm-up
        assertEquals(6, r.outcomes().size());
        assertTrue(r.outcomes().stream().allMatch(o -> !o.outcome().periodStart().isBefore(DAY1)));
        assertEquals(List.of("observed", "hpa/tight", "hpa/capped"),
                r.outcomes().stream().map(o -> o.policy().label()).distinct().toList());

        // the same numbers as the core computes directly
        var model = ServiceModelFitter.fit(h, SPEC);
        Outcome tightDay2 = PolicyReplay.run(policies.get(0), h, model, SPEC).days().get(2);
        assertEquals(tightDay2, find(r, "hpa/tight", 2));
        assertEquals(AsRun.outcomes(h, model, SPEC).days().get(1), find(r, "observed", 1));

        // observed: 2 replicas x 24 h x 2.0 per replica-hour = 96 per day
        assertEquals(96.0, find(r, "observed", 1).cost(), 1e-6);
        // capped at 1 replica, 10 rps on one replica is far past 6.67: most minutes breach
        assertTrue(find(r, "hpa/capped", 1).breachMinutes() > find(r, "hpa/tight", 1).breachMinutes());
    }

    @Test
    void aServiceThatCannotBeModeledIsAProblemNotACrash() {
        ServiceHistory noLatency = Histories.requests(new double[1440]).replicas(2).build();
        ServiceSpec noPrice = new ServiceSpec("svc", Slo.DEFAULT, OptionalDouble.of(60), OptionalDouble.empty(), true);
        ServiceBacktest.Result r = ServiceBacktest.run(noLatency, noPrice, List.of(hpa("a", 6, 4)), Histories.START,
                Histories.START.plus(Duration.ofDays(1)));
        assertEquals(1, r.problems().size());
        assertEquals("hpa/a", r.problems().get(0).policy());
        assertTrue(r.problems().get(0).problem().contains("cannot replay"), r.problems().get(0).problem());
    }

    private static Outcome find(ServiceBacktest.Result r, String label, int day) {
        Instant start = Histories.START.plus(Duration.ofDays(day));
        return r.outcomes().stream().filter(o -> o.policy().label().equals(label) && o.outcome().periodStart().equals(start))
                .findFirst().orElseThrow().outcome();
    }
}
