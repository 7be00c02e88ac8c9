package dev.scalewise.sim.autoscaler;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Confidence;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A GPU-utilization HPA on an overloaded service must see its replicas saturated and scale up. The model:
 * 10 rps per replica at the SLO (latency 100 + 90 x ms, 1000 ms SLO), GPU 0.1 + 0.05 x, so a replica
 * serving its 10 rps reads 60 %. Target 70 % (AverageValue 70 of DCGM_FI_DEV_GPU_UTIL), legacy HPA,
 * 1..20 replicas, startup 0. Demand 60 rps from one replica.
 * <ul>
 *   <li>Utilization at the demand per replica: 0.1 + 0.05 x 60 = 3.1, capped at 100 %: ratio 100 / 70 = 1.43,
 *       so the HPA asks for ceil(1.43 x 1) = 2 at t = 0; at 15 s two replicas still read 100 % (30 rps
 *       each): ceil(1.43 x 2) = 3; at 30 s three (20 rps each, 100 %): ceil(1.43 x 3) = 5.</li>
 *   <li>The 60 s metric window still holds those 100 % samples, so it overshoots (7, then 9); once the
 *       legacy 300 s downscale stabilization lets go it comes down to 6, where 60 / 6 = 10 rps reads 60 %
 *       and ceil(60 / 70 x 6) = ceil(5.14) = 6 holds it.</li>
 *   <li>Had utilization followed the served load, one replica would read 60 % (ratio 0.86, a scale-down
 *       request held at the minimum) for ever: the HPA never scales up.</li>
 * </ul>
 */
class SaturatedUtilizationTest {
    @Test
    void aGpuHpaScalesUpWhileItsReplicasAreSaturated() {
        Slo slo = new Slo(Slo.Percentile.P95, 1000, 0.99);
        ServiceModel model = ServiceModel.stated("svc",
                        new dev.scalewise.model.LatencyCurve(0, 10, new double[] {100, 1000}, 20), slo, 0, 3.6)
                .withGpuUtil(new SignalCurve("gpu_util", 0.1, 0.05, 0, 1, 10, Confidence.HIGH, "test"));
        double[] perMinute = new double[30];
        java.util.Arrays.fill(perMinute, 3600);
        ServiceHistory h = Histories.requests(perMinute).replicas(1).build();
        HpaPolicy hpa = new HpaPolicy(new PolicyMeta("gpu", "HorizontalPodAutoscaler", "autoscaling/v2", "svc",
                SourceLocation.unknown("test.yaml"), Set.of()), 1, 20,
                List.of(new MetricTarget(MetricTarget.MetricSource.PODS, "DCGM_FI_DEV_GPU_UTIL", Signal.GPU_UTIL,
                        MetricTarget.TargetType.AVERAGE_VALUE, 70)), Optional.empty(), 0.1, 15);
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        PolicyReplay.run(hpa, h, model, new ServiceSpec("svc", slo, OptionalDouble.empty(), OptionalDouble.empty(), true),
                ReplayOptions.of("gpu").withTimeline(timeline, Signal.GPU_UTIL));
        List<TimelineRow> rows = timeline.rows();
        assertEquals(2, rows.get(0).desiredReplicas(), "t = 0: 1.43 x 1 -> 2");
        assertEquals(3, rows.get(1).desiredReplicas(), "t = 15 s: 1.43 x 2 -> 3");
        assertEquals(5, rows.get(2).desiredReplicas(), "t = 30 s: 1.43 x 3 -> 5");
        assertEquals(6, rows.get(rows.size() - 1).readyReplicas(), "ends where ceil(60 / 70 x n) = n");
    }
}
