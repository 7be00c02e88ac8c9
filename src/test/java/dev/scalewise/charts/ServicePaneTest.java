package dev.scalewise.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicePaneTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 1000, 0.99);

    @Test
    void ninetyDaysShipAFewThousandBucketsAndKeepAOneMinuteSpike() {
        int minutes = 90 * 1440;
        double[] perMinute = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            perMinute[m] = 60 * (5 + 3 * Math.sin(m * 2 * Math.PI / 1440));
        }
        int spike = 40 * 1440 + 777;
        perMinute[spike] = 60 * 200;
        ServiceHistory h = Histories.requests(perMinute).replicas(2).build();
        ServiceSpec spec = new ServiceSpec("svc", SLO, OptionalDouble.of(120), OptionalDouble.of(2), false);
        ServiceModel model = ServiceModel.stated("svc", LatencyCurve.queueing(100, 20), SLO, 120, 2);
        HpaPolicy hpa = new HpaPolicy(new PolicyMeta("svc-hpa", "HorizontalPodAutoscaler", "autoscaling/v2", "svc",
                SourceLocation.unknown("t.yaml"), Set.of()), 1, 30, List.of(new MetricTarget(
                MetricTarget.MetricSource.PODS, "rps", Signal.RPS_PER_REPLICA, MetricTarget.TargetType.AVERAGE_VALUE, 10)),
                Optional.empty(), 0.1, 15);

        ObjectNode pane = ServicePane.build(h, spec, model, List.of(new ServicePane.Entry(hpa, Optional.empty())), -1);

        int buckets = pane.get("buckets").asInt();
        assertTrue(buckets <= ServicePane.MAX_BUCKETS && buckets >= ServicePane.MAX_BUCKETS / 2, "buckets " + buckets);
        assertEquals(0, pane.get("bucketSeconds").asInt() % 60, "whole steps per bucket");
        JsonNode max = pane.get("demand").get("max");
        int at = (int) ((long) spike * 60 / pane.get("bucketSeconds").asInt());
        assertEquals(200, max.get(at).asDouble(), 1e-9, "the spike's bucket keeps the spike");
        // observed, then the policy replayed: the same bucket grid, and the replay reacts to the spike
        JsonNode replicas = pane.get("replicas");
        assertEquals(List.of("observed", "hpa/svc-hpa"), List.of(replicas.get(0).get("name").asText(),
                replicas.get(1).get("name").asText()));
        assertEquals(buckets, replicas.get(1).get("max").size());
        double before = replicas.get(1).get("max").get(at - 1).asDouble();
        double peak = 0;
        for (int i = at; i < at + 3; i++) {
            peak = Math.max(peak, replicas.get(1).get("max").get(i).asDouble());
        }
        assertTrue(peak > before, "the replay scales up after the spike: " + before + " -> " + peak);
        assertEquals(90, pane.get("days").size());
        assertEquals(90, pane.get("daily").get(1).get("costPer1k").size());
        assertTrue(pane.get("latencyFit").get("curve").size() > 10);
        // what each number of the model is (issue 17): the stated curve's capacity says it was stated
        assertEquals("capacity per replica (rps at the SLO)", pane.get("model").get(0).get("name").asText());
        assertEquals("stated", pane.get("model").get(0).get("basis").asText());
        assertEquals("stated", pane.get("latencyFit").get("capacity").get("basis").asText());
    }
}
