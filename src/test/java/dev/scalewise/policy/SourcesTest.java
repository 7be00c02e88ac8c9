package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The less common shapes: old API versions, KServe's other classes, RayService, Knative's HPA class, signals. */
class SourcesTest {
    @ParameterizedTest(name = "{0} ({1}, {2}) -> {3}")
    @CsvSource(delimiter = '|', value = {
            "cpu                                   | RESOURCE | UTILIZATION   | cpu_util",
            "memory                                | CONTAINER_RESOURCE | AVERAGE_VALUE | mem_util",
            "DCGM_FI_DEV_GPU_UTIL                  | PODS     | AVERAGE_VALUE | gpu_util",
            "DCGM_FI_PROF_SM_ACTIVE                | EXTERNAL | VALUE         | sm_active",
            "vllm:kv_cache_usage_perc              | PODS     | AVERAGE_VALUE | kv_cache_util",
            "vllm:gpu_cache_usage_perc             | PODS     | AVERAGE_VALUE | kv_cache_util",
            "avg(sglang:token_usage)               | EXTERNAL | VALUE         | kv_cache_util",
            "gpu_mem_util                          | PODS     | AVERAGE_VALUE | gpu_mem_util",
            "vllm:num_requests_waiting             | PODS     | AVERAGE_VALUE | queue_depth",
            "nv_inference_pending_request_count    | EXTERNAL | VALUE         | queue_depth",
            "vllm:num_requests_running             | PODS     | AVERAGE_VALUE | concurrency",
            "http_requests_per_second              | PODS     | AVERAGE_VALUE | rps_per_replica",
            "http_requests_per_second              | OBJECT   | VALUE         | rps",
            "rps                                   | EXTERNAL | AVERAGE_VALUE | rps",
            "sum(rate(http_requests_total[2m]))    | EXTERNAL | AVERAGE_VALUE | rps",
            "sum(irate(nv_inference_request_success[1m])) | EXTERNAL | VALUE | rps",
    })
    void wellKnownNamesMapToSignals(String name, MetricSource source, TargetType type, String signal) {
        assertEquals(Optional.of(signal), SignalMapping.byName(name, source, type).map(Signal::id));
    }

    @ParameterizedTest
    @CsvSource({"kafka_consumer_lag, EXTERNAL", "corpse_count, PODS", "gpu, RESOURCE"})
    void unknownNamesMapToNothing(String name, MetricSource source) {
        assertEquals(Optional.empty(), SignalMapping.byName(name, source, TargetType.AVERAGE_VALUE));
    }

    @Test
    void v2beta1IsReadWithARemovalNote() {
        String yaml = """
                apiVersion: autoscaling/v2beta1
                kind: HorizontalPodAutoscaler
                metadata: {name: old}
                spec:
                  scaleTargetRef: {name: old}
                  maxReplicas: 5
                  metrics:
                    - type: Resource
                      resource: {name: cpu, targetAverageUtilization: 60}
                    - type: Pods
                      pods: {metricName: vllm:num_requests_running, targetAverageValue: 8}
                """;
        List<String> notes = new ArrayList<>();
        HpaPolicy h = (HpaPolicy) PolicyReader.readAll(Yamls.doc(yaml),
                new PolicyReader.Context(n -> Optional.empty(), java.util.Map.of(), notes::add)).get(0);
        assertEquals(List.of(
                new MetricTarget(MetricSource.RESOURCE, "cpu", Signal.CPU_UTIL, TargetType.UTILIZATION, 60),
                new MetricTarget(MetricSource.PODS, "vllm:num_requests_running", Signal.CONCURRENCY, TargetType.AVERAGE_VALUE, 8)),
                h.metrics());
        assertEquals(List.of("t.yaml:1:1: autoscaling/v2beta1 HorizontalPodAutoscaler 'old' is deprecated and was removed "
                + "in Kubernetes 1.25; read as autoscaling/v2"), notes);
    }

    @Test
    void v2beta2HasBehaviorAndTheOtherRemovalVersion() {
        List<String> notes = new ArrayList<>();
        HpaPolicy h = (HpaPolicy) PolicyReader.readAll(Yamls.doc(Yamls.HPA_HEAD.replace("v2", "v2beta2")
                        + "  maxReplicas: 3\n  behavior: {scaleUp: {stabilizationWindowSeconds: 30}}\n"),
                new PolicyReader.Context(n -> Optional.empty(), java.util.Map.of(), notes::add)).get(0);
        assertEquals(30, h.behavior().orElseThrow().scaleUp().stabilizationWindowSeconds());
        assertTrue(notes.get(0).contains("removed in Kubernetes 1.26"));
    }

    /** RawDeployment: KServe creates an HPA; scaleMetric cpu, scaleTarget 80 and minReplicas 1 by default. */
    @Test
    void kserveRawDeploymentIsAnHpa() {
        HpaPolicy h = assertInstanceOf(HpaPolicy.class, Yamls.one("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: iris, annotations: {serving.kserve.io/deploymentMode: RawDeployment}}
                spec:
                  predictor:
                    maxReplicas: 4
                """));
        assertEquals(1, h.minReplicas());
        assertEquals(4, h.maxReplicas());
        assertEquals(List.of(UpstreamDefaults.Hpa.METRIC), h.metrics());
        assertTrue(h.meta().defaulted().containsAll(List.of("minReplicas", "metrics")));
        assertTrue(h.behavior().isEmpty());
    }

    @Test
    void kserveKedaClassOnAPrometheusQuery() {
        KedaPolicy k = assertInstanceOf(KedaPolicy.class, Yamls.one("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: llm, annotations: {serving.kserve.io/autoscalerClass: keda, serving.kserve.io/deploymentMode: RawDeployment}}
                spec:
                  predictor:
                    minReplicas: 1
                    maxReplicas: 5
                    autoScaling:
                      metrics:
                        - type: External
                          external:
                            metric: {backend: prometheus, serverAddress: "http://p:9090", query: "vllm:num_requests_waiting"}
                            target: {type: Value, value: "2"}
                """));
        assertEquals(new MetricTarget(MetricSource.EXTERNAL, "s0-prometheus", Signal.QUEUE_DEPTH, TargetType.VALUE, 2),
                k.triggers().get(0).metric());
        assertEquals(30, k.pollingIntervalSeconds());
        assertEquals(5, k.maxReplicas());
    }

    @Test
    void kserveExternalClassIsNotModeled() {
        assertTrue(PolicyReader.read(Yamls.doc("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: x, annotations: {serving.kserve.io/autoscalerClass: external}}
                spec: {predictor: {}}
                """)).isEmpty());
    }

    /** Knative class hpa: an HPA on cpu whose window annotation becomes both stabilization windows. */
    @Test
    void knativeHpaClass() {
        HpaPolicy h = (HpaPolicy) Yamls.one(Yamls.KNATIVE_HEAD + """
                        autoscaling.knative.dev/class: hpa.autoscaling.knative.dev
                        autoscaling.knative.dev/target: "65"
                        autoscaling.knative.dev/window: 2m
                        autoscaling.knative.dev/max-scale: "9"
                """);
        assertEquals(1, h.minReplicas());
        assertEquals(9, h.maxReplicas());
        assertEquals(65, h.metrics().get(0).target());
        assertEquals(120, h.behavior().orElseThrow().scaleDown().stabilizationWindowSeconds());
    }

    /** MakeHPA: a non-resource metric with a target becomes a Pods metric; no target = the API server's CPU 80 %. */
    @Test
    void knativeHpaClassOnConcurrencyOrWithoutTarget() {
        HpaPolicy pods = (HpaPolicy) Yamls.one(Yamls.KNATIVE_HEAD + """
                        autoscaling.knative.dev/class: hpa.autoscaling.knative.dev
                        autoscaling.knative.dev/metric: concurrency
                        autoscaling.knative.dev/target: "10"
                """);
        assertEquals(new MetricTarget(MetricSource.PODS, "concurrency", Signal.CONCURRENCY, TargetType.AVERAGE_VALUE, 10),
                pods.metrics().get(0));
        HpaPolicy bare = (HpaPolicy) Yamls.one(Yamls.KNATIVE_HEAD
                + "        autoscaling.knative.dev/class: hpa.autoscaling.knative.dev\n");
        assertEquals(List.of(UpstreamDefaults.Hpa.METRIC), bare.metrics());
        assertTrue(bare.behavior().isEmpty());
        assertEquals(Integer.MAX_VALUE, bare.maxReplicas());
    }

    @Test
    void knativeAnnotationsOnTheServiceMetadataAreNotedAsIgnored() {
        List<String> notes = new ArrayList<>();
        KpaPolicy k = (KpaPolicy) PolicyReader.readAll(Yamls.doc("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: h, annotations: {autoscaling.knative.dev/min-scale: "3"}}
                spec: {template: {spec: {}}}
                """), new PolicyReader.Context(n -> Optional.empty(), java.util.Map.of(), notes::add)).get(0);
        assertEquals(0, k.minReplicas());
        assertEquals(List.of("t.yaml:3:70: autoscaling.knative.dev/min-scale on the Service's own metadata is ignored by "
                + "Knative; it belongs under spec.template.metadata.annotations"), notes);
    }

    @Test
    void rayServiceEmbedsAServeConfig() {
        List<PolicySpec> ps = Yamls.all("""
                apiVersion: ray.io/v1
                kind: RayService
                metadata: {name: rs, annotations: {scalewise.dev/service: asr-whisper}}
                spec:
                  serveConfigV2: |
                    applications:
                      - name: asr
                        deployments:
                          - name: Whisper
                            num_replicas: auto
                          - name: Decoder
                            autoscaling_config: {max_replicas: 4, target_num_ongoing_requests_per_replica: 3}
                """);
        RayServePolicy auto = (RayServePolicy) ps.get(0);
        // num_replicas: auto = min 1, max 100, target 2 (Ray Serve autoscaling guide)
        assertEquals(new RayServePolicy(auto.meta(), 1, 100, 1, 2, 30, 600, OptionalDouble.empty(), 1, 1, 10, 30, 5), auto);
        assertEquals("asr-whisper", auto.meta().service());
        assertEquals("asr/Whisper", auto.meta().name());
        assertEquals(3, ((RayServePolicy) ps.get(1)).targetOngoingRequests()); // legacy alias
    }

    @Test
    void rayServiceErrorsAreLocatedInsideTheEmbeddedConfig() {
        YamlError e = assertThrows(YamlError.class, () -> Yamls.all("""
                apiVersion: ray.io/v1
                kind: RayService
                metadata: {name: rs}
                spec:
                  serveConfigV2: |
                    applications:
                      - deployments:
                          - name: d
                            autoscaling_config: {min_replicas: 0, upscale_delay_s: -1}
                """));
        assertEquals("t.yaml[spec.serveConfigV2]:4:64: applications[0].deployments[0].autoscaling_config.upscale_delay_s: "
                + "upscale_delay_s must be at least 0, found -1", e.getMessage());
    }

    @Test
    void multiDocumentStdinLikeSourceWithUnknownKindsNoted() {
        String helm = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm}
                ---
                """ + Yamls.HPA_HEAD + "  maxReplicas: 2\n";
        var docs = SafeYaml.parse("-", helm.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, docs.size());
        assertTrue(PolicyReader.read(docs.get(0)).isEmpty());
        assertEquals("-:5:1", PolicyReader.read(docs.get(1)).orElseThrow().meta().location().toString());
    }
}
