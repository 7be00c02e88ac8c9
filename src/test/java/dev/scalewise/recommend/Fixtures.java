package dev.scalewise.recommend;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;
import dev.scalewise.testkit.Policies;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/** Synthetic services with hand-checkable optima. */
final class Fixtures {
    /** p95 <= 1 s in 99 % of minutes. */
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);
    /**
     * latency = 100 ms / (1 - x / 20 rps): capacity (latency reaches 1000 ms) at x = 20 (1 - 100/1000) = 18 rps.
     */
    static final LatencyCurve CURVE = LatencyCurve.queueing(100, 20);
    static final double CAPACITY_RPS = 18;
    static final double PRICE = 2.0;
    static final double STARTUP = 120;

    private Fixtures() {
    }

    static ServiceSpec spec(boolean latencyCritical) {
        return new ServiceSpec("svc", SLO, OptionalDouble.of(STARTUP), OptionalDouble.of(PRICE), latencyCritical);
    }

    static ServiceModel model() {
        return ServiceModel.stated("svc", CURVE, SLO, STARTUP, PRICE);
    }

    /** Requests per minute given by {@code rpsAtMinute} (rps), observed replicas constant. */
    static ServiceHistory history(int days, double observedReplicas, IntToDoubleFunction rpsAtMinute) {
        double[] perMinute = new double[days * 1440];
        for (int m = 0; m < perMinute.length; m++) {
            perMinute[m] = rpsAtMinute.applyAsDouble(m) * 60;
        }
        return Histories.requests(perMinute).replicas(observedReplicas).build();
    }

    static PolicyMeta meta(String name) {
        return Policies.hpaMeta(name, "svc", "t.yaml");
    }

    /** An HPA on requests per second per pod (AverageValue), legacy path (no behavior). */
    static HpaPolicy rpsHpa(int min, int max, double targetRps) {
        MetricTarget m = new MetricTarget(MetricSource.PODS, "requests_per_second", Signal.RPS_PER_REPLICA,
                TargetType.AVERAGE_VALUE, targetRps);
        return new HpaPolicy(meta("svc-hpa"), min, max, List.of(m), Optional.empty(), 0.1, 15);
    }
}
