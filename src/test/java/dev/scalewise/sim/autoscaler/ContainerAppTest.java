package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.Signal;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Azure Container Apps replayed as Microsoft documents its scaling ("Set scaling rules in Azure Container
 * Apps", learn.microsoft.com/azure/container-apps/scale-app): an HTTP rule's concurrency computed every
 * 15 s as the requests of the last 15 s / 15, desiredReplicas = ceil(currentMetricValue / targetMetricValue),
 * at most maxReplicas (10 by default), a scale-down stabilization window of 300 s. Steady traffic, so every
 * window holds one value; timelines worked out by hand.
 */
class ContainerAppTest {
    static Keda app(String scale) {
        String yaml = """
                name: api
                type: Microsoft.App/containerApps
                properties:
                  template:
                """ + scale;
        return new Keda((KedaPolicy) PolicyReader.read(SafeYaml.parse("app.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .get(0)).orElseThrow());
    }

    static final String HTTP_10 = """
                scale:
                  rules:
                  - name: http
                    http: {metadata: {concurrentRequests: '10'}}
            """;

    /** 35 requests/s on one replica: ceil(35 / 10) = 4 at the first decision. */
    @Test
    void replicasAreCeilOfRequestsOverConcurrentRequests() {
        Keda k = app(HTTP_10);
        assertEquals(4, k.decide(0, 1, 1, new Fixtures.Metrics().set(Signal.RPS, 35)));
    }

    /**
     * From zero, traffic arriving just after a poll: the HTTP rule is looked at again 15 s later (t = 15),
     * not after the 30 s polling interval of custom rules.
     */
    @Test
    void anHttpRuleLeavesZeroWithinFifteenSeconds() {
        Keda k = app(HTTP_10);
        assertEquals(15, k.periodSeconds());
        assertEquals(0, k.decide(0, 0, 0, new Fixtures.Metrics().set(Signal.RPS, 0)));
        assertEquals(1, k.decide(15, 0, 0, new Fixtures.Metrics().set(Signal.RPS, 35)));
    }

    /**
     * 500 requests/s from one replica with maxReplicas left out: want 50; the HPA's default scale-up limit
     * (max(4 pods, 100 %) per 15 s, which Container Apps keeps) gives 5 at t = 0, then 10 at t = 15: the
     * default maxReplicas of 10, never 50.
     */
    @Test
    void theDefaultMaxReplicasIsTen() {
        Keda k = app(HTTP_10);
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.RPS, 500);
        assertEquals(5, k.decide(0, 1, 1, m));
        assertEquals(10, k.decide(15, 5, 5, m));
        assertEquals(10, k.decide(30, 10, 10, m));
    }

    /**
     * Four replicas, then 5 requests/s (one replica's worth): the 300 s scale-down window keeps the four
     * (the start counts as a recommendation of 4) until it has passed; at t = 315 one remains.
     */
    @Test
    void scaleDownWaitsMicrosoftsFiveMinuteWindow() {
        Keda k = app(HTTP_10);
        Fixtures.Metrics m = new Fixtures.Metrics().set(Signal.RPS, 5);
        int replicas = 4;
        for (long t = 0; t <= 285; t += 15) {
            replicas = k.decide(t, replicas, replicas, m);
            assertEquals(4, replicas, "t=" + t);
        }
        replicas = k.decide(300, replicas, replicas, m); // the t = 0 record is at the window's edge: either way
        assertEquals(1, k.decide(315, replicas, replicas, m));
    }
}
