package dev.scalewise.sim.autoscaler;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.AppAutoScalingPolicy.CloudMetric;
import dev.scalewise.policy.AppAutoScalingPolicy.Form;
import dev.scalewise.policy.AppAutoScalingPolicy.Statistic;
import dev.scalewise.policy.AppAutoScalingPolicy.TargetTracking;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.policy.UpstreamDefaults.Lambda;
import dev.scalewise.sim.Outcome;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Lambda function's provisioned concurrency replayed as AWS documents it, timelines worked out by hand.
 * The function: p99 latency 100 + 90 x ms at x requests/s per execution environment, one environment serving
 * 10 requests/s at most (so 1000 ms when busy), an init (cold start) of 2 s; provisioned concurrency costs
 * 0.001 per environment-second (3.6 an hour). Target tracking on LambdaProvisionedConcurrencyUtilization at
 * 0.7 (the Lambda guide's example), cooldowns 0 (Lambda's default), alarms as for every target tracking
 * policy: out after 3 one-minute datapoints above 0.7, in after 15 below 0.63.
 */
class LambdaProvisionedConcurrencyTest {
    static final Slo SLO = new Slo(Slo.Percentile.P99, 1000, 0.99);
    static final double EPS = 1e-9;
    static final double PRICE = 0.001;

    static ServiceModel model() {
        return ServiceModel.stated("fn", new LatencyCurve(0, 10, new double[] {100, 1000}, 20), SLO, 2, 3600 * PRICE);
    }

    static ServiceSpec spec(Slo slo) {
        return new ServiceSpec("fn", slo, OptionalDouble.empty(), OptionalDouble.empty(), true);
    }

    static AppAutoScalingPolicy provisioned(int min, int max) {
        TargetTracking t = new TargetTracking("utilization", new CloudMetric("LambdaProvisionedConcurrencyUtilization",
                Signal.CONCURRENCY, Form.PROVISIONED_UTILIZATION, 1, Statistic.AVERAGE), 0.7, false, 0, 0, 3, 15, 0.9);
        return new AppAutoScalingPolicy(meta("function:fn:live"), min, max, Lambda.NAMESPACE, "function:fn:live",
                Lambda.DIMENSION, List.of(t), List.of());
    }

    /**
     * 2 provisioned environments; 10 requests/s for 3 minutes, then 30 for 6.
     * <pre>
     * minutes 0-2   10 rps on 2 environments: 5 rps each, utilization 0.5, 550 ms; nothing on demand
     * minute 3      30 rps: the 2 take 20 (utilization 1.0), 10 rps spill: 1 on-demand environment busy,
     *               none warm, so it starts cold; the requests arriving during its 2 s init get environments
     *               of their own: 1 + 2 x 10 = 21 cold requests of 1800 = 1.17 % > 1 %: p99 = 1000 + 2000 ms,
     *               a breach (the warm ones run at 10 rps per environment, 1000 ms: at the SLO, not above)
     * minutes 4-8   the 21 environments stay warm (kept 5 minutes): no cold start, 1000 ms
     * t=240..360    datapoints of minutes 3, 4, 5 are 1.0 > 0.7: at t=360 ceil(2 x 1.0 / 0.7) = 3, billed
     *               from the request; allocated after 120 s, initialized in 2 more: serves from 482, past the end
     * </pre>
     * Cost: provisioned 2 x 360 + 3 x 180 = 1260 environment-s; on it busy 3 x 60 + 6 x 120 = 900; on demand
     * busy 6 x 60 + 21 inits x 2 s = 402; at 1, 9.7222/4.1667 and 16.6667/4.1667 times the provisioned price; and
     * $0.20 per million requests (the model is priced in USD).
     */
    @Test
    void spilloverRunsOnDemandAndItsColdStartsAreJudged() {
        ServiceHistory h = Histories.requests(600, 600, 600, 1800, 1800, 1800, 1800, 1800, 1800).replicas(2).build();
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = PolicyReplay.run(provisioned(1, 10), h, model(), spec(SLO),
                ReplayOptions.of("pc").withTimeline(timeline, Signal.RPS)).total();
        double expectedCost = PRICE * (1260 + 900 * Lambda.PROVISIONED_DURATION_RATIO + 402 * Lambda.ON_DEMAND_DURATION_RATIO)
                + 12600 * 0.20 / 1e6;
        List<TimelineRow> rows = timeline.rows();
        assertAll(
                () -> assertEquals(12600, o.requests(), EPS),
                () -> assertEquals(9, o.sloMinutes()),
                () -> assertEquals(1, o.breachMinutes()),
                () -> assertEquals(1, o.coldStartMinutes()),
                () -> assertEquals(1, o.scaleUpEvents()),
                () -> assertEquals(expectedCost, o.cost(), 1e-9),
                () -> assertEquals(List.of(2, 2, 2, 2, 2, 2, 3, 3, 3), rows.stream().map(TimelineRow::desiredReplicas).toList()),
                () -> assertEquals(550, rows.get(2).latencyMs(), EPS),
                () -> assertEquals(3000, rows.get(3).latencyMs(), 1e-6),
                () -> assertEquals(1000, rows.get(4).latencyMs(), 1e-6),
                () -> assertEquals(0, rows.get(5).backlogRequests(), EPS),
                () -> assertEquals(2, rows.get(8).readyReplicas()));
    }

    /** The same jump judged at p95: 1.17 % cold is within the 5 % the percentile leaves out, so no breach. */
    @Test
    void aFewColdRequestsDoNotMoveAP95() {
        ServiceHistory h = Histories.requests(600, 600, 600, 1800, 1800).replicas(2).build();
        Slo p95 = new Slo(Slo.Percentile.P95, 1000, 0.99);
        Outcome o = PolicyReplay.run(provisioned(1, 10), h, model(), spec(p95)).total();
        assertEquals(0, o.breachMinutes());
        assertEquals(1, o.coldStartMinutes());
    }

    /**
     * Spillover that stops and comes back: within the 5 minutes an idle environment is kept it is warm
     * (minute 4 reuses minute 2's), after them it starts cold again (minute 11). Provisioned concurrency is
     * held at 2 (min = max) so the controller does not move.
     */
    @Test
    void onDemandEnvironmentsStayWarmForTheIdleRetentionOnly() {
        ServiceHistory h = Histories.requests(600, 600, 1800, 600, 1800, 600, 600, 600, 600, 600, 600, 1800)
                .replicas(2).build();
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        Outcome o = PolicyReplay.run(provisioned(2, 2), h, model(), spec(SLO),
                ReplayOptions.of("pc").withTimeline(timeline, Signal.RPS)).total();
        assertEquals(List.of(550.0, 550.0, 3000.0, 550.0, 1000.0, 550.0, 550.0, 550.0, 550.0, 550.0, 550.0, 3000.0),
                timeline.rows().stream().map(r -> (double) Math.round(r.latencyMs())).toList());
        assertEquals(2, o.coldStartMinutes());
        assertEquals(2, o.breachMinutes());
    }
}
