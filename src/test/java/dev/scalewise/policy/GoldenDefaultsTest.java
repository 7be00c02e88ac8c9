package dev.scalewise.policy;

import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.scalewise.policy.ScalingRules.ScalingPolicy.Type.PERCENT;
import static dev.scalewise.policy.ScalingRules.ScalingPolicy.Type.PODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden cases, with values from the upstream sources cited on each. */
class GoldenDefaultsTest {
    /**
     * kubernetes pkg/apis/autoscaling/v2/defaults.go: GenerateHPAScaleUpRules (window 0, Max, Pods 4/15 s,
     * Percent 100/15 s) and GenerateHPAScaleDownRules (Max, Percent 100/15 s; window nil, so the controller's
     * --horizontal-pod-autoscaler-downscale-stabilization 5m). The same cases as defaults_test.go
     * TestSetBehaviorDefaults "empty behavior".
     */
    @Test
    void emptyBehaviorGetsTheApiServerDefaults() {
        HpaPolicy h = (HpaPolicy) Yamls.one(Yamls.HPA_HEAD + "  maxReplicas: 10\n  behavior: {}\n");
        Behavior b = h.behavior().orElseThrow();
        assertEquals(new ScalingRules(0, SelectPolicy.MAX,
                List.of(new ScalingPolicy(PODS, 4, 15), new ScalingPolicy(PERCENT, 100, 15)), 0.1), b.scaleUp());
        assertEquals(new ScalingRules(300, SelectPolicy.MAX, List.of(new ScalingPolicy(PERCENT, 100, 15)), 0.1),
                b.scaleDown());
        assertTrue(h.meta().defaulted().containsAll(List.of("behavior.scaleUp.stabilizationWindowSeconds",
                "behavior.scaleUp.selectPolicy", "behavior.scaleUp.policies", "behavior.scaleDown.stabilizationWindowSeconds",
                "behavior.scaleDown.selectPolicy", "behavior.scaleDown.policies", "minReplicas", "metrics")));
        // defaults.go SetDefaults_HorizontalPodAutoscaler: minReplicas 1, no metrics = CPU 80 %
        assertEquals(1, h.minReplicas());
        assertEquals(List.of(UpstreamDefaults.Hpa.METRIC), h.metrics());
        assertEquals("keeps 1-10 replicas so that cpu_util (cpu) stays near 80 % of requests (tolerance 10 %, every 15 s); "
                + "scales up at most max(4 pods, 100 %) per 15 s immediately; scales down at most 100 % per 15 s "
                + "after a 300 s stabilization window", PolicyExplainer.describe(h));
    }

    /** Only one direction given: the other is still defaulted on its own (defaults.go defaults each rule). */
    @Test
    void oneDirectionGivenOtherDefaulted() {
        HpaPolicy h = (HpaPolicy) Yamls.one(Yamls.HPA_HEAD + """
                  maxReplicas: 10
                  behavior:
                    scaleDown:
                      selectPolicy: Disabled
                """);
        Behavior b = h.behavior().orElseThrow();
        assertEquals(SelectPolicy.DISABLED, b.scaleDown().selectPolicy());
        assertEquals(300, b.scaleDown().stabilizationWindowSeconds());
        assertEquals(List.of(new ScalingPolicy(PODS, 4, 15), new ScalingPolicy(PERCENT, 100, 15)), b.scaleUp().policies());
        assertTrue(PolicyExplainer.describe(h).endsWith("never scales down"));
    }

    /** Without behavior the HPA keeps the legacy path: no Behavior at all, not the defaults. */
    @Test
    void noBehaviorIsTheLegacyPath() {
        HpaPolicy h = (HpaPolicy) Yamls.one(Yamls.HPA_HEAD + "  maxReplicas: 10\n");
        assertTrue(h.behavior().isEmpty());
    }

    /**
     * KServe: autoscalerClass kpa, minReplicas 0 → a Knative KPA that scales to zero, with
     * config-autoscaler defaults for everything the InferenceService does not set.
     */
    @Test
    void kserveMinZeroKpaScalesToZero() {
        KpaPolicy k = assertInstanceOf(KpaPolicy.class, Yamls.one("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata:
                  name: sklearn
                  annotations: {serving.kserve.io/autoscalerClass: kpa}
                spec:
                  predictor:
                    minReplicas: 0
                    model: {modelFormat: {name: sklearn}}
                """));
        assertEquals(0, k.minReplicas());
        assertEquals(Integer.MAX_VALUE, k.maxReplicas()); // max-scale 0 = unlimited
        assertEquals(KpaPolicy.Metric.CONCURRENCY, k.metric());
        assertEquals(100, k.target());
        assertEquals(30, k.scaleToZeroGracePeriodSeconds());
        assertTrue(PolicyExplainer.describe(k).endsWith("scales to zero 30 s after the last request"));
        assertEquals("sklearn", k.meta().service());
    }

    /** KServe's own default is 1 replica (DefaultMinReplicas), not Knative's min-scale 0. */
    @Test
    void kserveDefaultMinIsOne() {
        KpaPolicy k = (KpaPolicy) Yamls.one("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: m}
                spec:
                  predictor: {scaleMetric: rps}
                """);
        assertEquals(1, k.minReplicas());
        assertEquals(KpaPolicy.Metric.RPS, k.metric());
        assertEquals(200, k.target()); // requests-per-second-target-default
        assertTrue(k.meta().defaulted().contains("minReplicas"));
    }

    /** Knative register.go: autoscaling.knative.dev/minScale is the legacy alias of min-scale. */
    @Test
    void knativeMinScaleAliasIsMinScale() {
        KpaPolicy k = (KpaPolicy) Yamls.one(Yamls.KNATIVE_HEAD + """
                        autoscaling.knative.dev/minScale: "2"
                        autoscaling.knative.dev/maxScale: "7"
                        autoscaling.knative.dev/panicWindowPercentage: "20"
                """);
        assertEquals(2, k.minReplicas());
        assertEquals(7, k.maxReplicas());
        assertEquals(20, k.panicWindowPercentage());
        assertTrue(!k.meta().defaulted().contains("minReplicas"));
    }
}
