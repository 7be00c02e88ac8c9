package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;
import dev.scalewise.policy.ScalingRules.SelectPolicy;
import dev.scalewise.yaml.SourceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import static dev.scalewise.policy.ScalingRules.ScalingPolicy.Type.PERCENT;
import static dev.scalewise.policy.ScalingRules.ScalingPolicy.Type.PODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads the whole policies/ example set and checks every normalized value, defaults included. */
class ExamplePoliciesTest {
    static PolicySet set;

    @BeforeAll
    static void load() {
        set = PolicyLoader.load(List.of("policies"));
    }

    static PolicySpec named(String name) {
        return set.policies().stream().filter(p -> p.meta().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyFileGivesItsPolicies() {
        // 14 policy files; the Ray config's fixed-replica router is noted, services.yaml skipped
        assertEquals(List.of("llm-chat-aca", "llm-chat-run", "llm-chat", "vision-ocr", "llm-api-kv-cache", "rerank",
                        "llm-api-queue", "embed-search", "llm-code", "rerank", "chat/llm-chat",
                        "endpoint/llm-chat/variant/AllTraffic", "embed-search-predictive", "llm-chat-business-hours"),
                set.policies().stream().map(p -> p.meta().name()).toList());
        assertEquals(1, set.notes().size());
        assertTrue(set.notes().get(0).startsWith("policies/ray-serve.yaml:16:9: Ray Serve deployment 'chat/router'"));
    }

    /** llm-chat on SageMaker: the endpoint name comes from the Endpoint resource through !Sub ${Endpoint.EndpointName}. */
    @Test
    void sageMakerTargetTracking() {
        AppAutoScalingPolicy a = (AppAutoScalingPolicy) named("endpoint/llm-chat/variant/AllTraffic");
        assertEquals("llm-chat", a.meta().service());
        assertEquals(4, a.minReplicas());
        assertEquals(120, a.maxReplicas());
        assertEquals(List.of(new AppAutoScalingPolicy.TargetTracking("llm-chat-invocations",
                new AppAutoScalingPolicy.CloudMetric("SageMakerVariantInvocationsPerInstance", Signal.RPS,
                        AppAutoScalingPolicy.Form.PER_INSTANCE, 60, AppAutoScalingPolicy.Statistic.SUM),
                100, false, 60, 600, 3, 15, 0.9)), a.targetTracking());
        assertEquals(new SourceLocation("policies/sagemaker-llm-chat.yaml", 17, 5), a.meta().location());
    }

    /** llm-chat on Azure Container Apps: the KEDA policy Container Apps runs, with its fixed behavior. */
    @Test
    void azureContainerApp() {
        KedaPolicy k = (KedaPolicy) named("llm-chat-aca");
        assertEquals("Microsoft.App/containerApps", k.meta().sourceKind());
        assertEquals("llm-chat", k.meta().service());
        assertEquals(2, k.minReplicas());
        assertEquals(120, k.maxReplicas());
        assertEquals(15, k.pollingIntervalSeconds(), "an HTTP rule is evaluated every 15 s");
        assertEquals(300, k.cooldownPeriodSeconds());
        assertEquals(new MetricTarget(MetricTarget.MetricSource.EXTERNAL, "s0-http", Signal.RPS,
                MetricTarget.TargetType.AVERAGE_VALUE, 2), k.triggers().get(0).metric());
        assertEquals(300, k.behavior().orElseThrow().scaleDown().stabilizationWindowSeconds());
        assertEquals("properties.template.scale.rules[0].http.metadata.concurrentRequests",
                k.meta().field("triggers[0].metric.target").orElseThrow().path().toString());
    }

    @Test
    void cloudRun() {
        CloudRunPolicy c = (CloudRunPolicy) named("llm-chat-run");
        assertEquals("llm-chat", c.meta().service());
        assertEquals(2, c.minReplicas());
        assertEquals(120, c.maxReplicas());
        assertEquals(12, c.containerConcurrency());
        assertTrue(c.cpuAlwaysAllocated());
    }

    @Test
    void hpaOnGpuTakesTheLegacyPath() {
        HpaPolicy h = (HpaPolicy) named("vision-ocr");
        assertEquals(2, h.minReplicas());
        assertEquals(40, h.maxReplicas());
        assertEquals(List.of(new MetricTarget(MetricSource.PODS, "DCGM_FI_DEV_GPU_UTIL", Signal.GPU_UTIL,
                TargetType.AVERAGE_VALUE, 70)), h.metrics());
        assertTrue(h.behavior().isEmpty());
        // kube-controller-manager flags: --horizontal-pod-autoscaler-tolerance 0.1, -sync-period 15s
        assertEquals(0.1, h.tolerance());
        assertEquals(15, h.syncPeriodSeconds());
        assertEquals(Set.of("tolerance", "syncPeriodSeconds"), h.meta().defaulted());
        assertEquals(new SourceLocation("policies/hpa-gpu-legacy.yaml", 4, 1), h.meta().location());
    }

    @Test
    void hpaWithTunedBehavior() {
        HpaPolicy h = (HpaPolicy) named("llm-chat");
        assertEquals(Signal.CONCURRENCY, h.metrics().get(0).signal());
        Behavior b = h.behavior().orElseThrow();
        // scaleUp window and selectPolicy from defaults.go (0, Max); tolerance the global 0.1
        assertEquals(new ScalingRules(0, SelectPolicy.MAX,
                List.of(new ScalingPolicy(PODS, 4, 60), new ScalingPolicy(PERCENT, 100, 60)), 0.1), b.scaleUp());
        assertEquals(new ScalingRules(600, SelectPolicy.MAX, List.of(new ScalingPolicy(PERCENT, 10, 60)), 0.05),
                b.scaleDown());
        assertEquals(Set.of("behavior.scaleUp.stabilizationWindowSeconds", "behavior.scaleUp.selectPolicy",
                "behavior.scaleUp.tolerance", "behavior.scaleDown.selectPolicy", "tolerance", "syncPeriodSeconds"),
                h.meta().defaulted());
    }

    /** KEDA defaults from scaledobject_types.go / ScaledObject spec docs: polling 30 s, cooldown 300 s, initial cooldown 0. */
    @Test
    void kedaOnPrometheusRps() {
        KedaPolicy k = (KedaPolicy) named("embed-search");
        assertEquals(3, k.minReplicas());
        assertEquals(80, k.maxReplicas());
        assertEquals(30, k.pollingIntervalSeconds());
        assertEquals(300, k.cooldownPeriodSeconds());
        assertEquals(0, k.initialCooldownPeriodSeconds());
        assertTrue(k.idleReplicaCount().isEmpty());
        assertTrue(k.fallback().isEmpty());
        KedaPolicy.Trigger t = k.triggers().get(0);
        assertEquals(new MetricTarget(MetricSource.EXTERNAL, "s0-prometheus", Signal.RPS, TargetType.AVERAGE_VALUE, 84),
                t.metric());
        assertEquals(1, t.activationThreshold());
        assertEquals("sum(rate(http_requests_total{service=\"embed-search\"}[1m]))", t.query());
        Behavior b = k.behavior().orElseThrow();
        assertEquals(120, b.scaleDown().stabilizationWindowSeconds());
        assertEquals(UpstreamDefaults.Hpa.SCALE_UP_POLICIES, b.scaleUp().policies());
        assertTrue(k.meta().defaulted().containsAll(List.of("pollingIntervalSeconds", "cooldownPeriodSeconds",
                "initialCooldownPeriodSeconds", "triggers[0].metric.targetType", "behavior.scaleUp.policies")));
    }

    /** llm-api's HPA on vLLM's KV-cache usage per pod: a Pods AverageValue of 0.6 on the kv_cache_util signal. */
    @Test
    void hpaOnTheKvCache() {
        HpaPolicy h = (HpaPolicy) named("llm-api-kv-cache");
        assertEquals("llm-api", h.meta().service());
        assertEquals(new MetricTarget(MetricSource.PODS, "vllm:kv_cache_usage_perc", Signal.KV_CACHE_UTIL,
                TargetType.AVERAGE_VALUE, 0.6), h.metrics().get(0));
        assertEquals(600, h.behavior().orElseThrow().scaleDown().stabilizationWindowSeconds());
    }

    /** llm-api's KEDA ScaledObject: the waiting queue first (whole service, 4 per replica), running requests beside it. */
    @Test
    void kedaOnTheWaitingQueue() {
        KedaPolicy k = (KedaPolicy) named("llm-api-queue");
        assertEquals("llm-api", k.meta().service());
        assertEquals(List.of(Signal.QUEUE_DEPTH, Signal.CONCURRENCY),
                k.triggers().stream().map(t -> t.metric().signal()).toList());
        assertEquals(List.of(4.0, 20.0), k.triggers().stream().map(t -> t.metric().target()).toList());
        assertEquals(TargetType.AVERAGE_VALUE, k.triggers().get(0).metric().targetType());
    }

    /** Knative config-autoscaler defaults (autoscaler.yaml) for every knob the Service leaves out. */
    @Test
    void knativeService() {
        KpaPolicy k = (KpaPolicy) named("llm-code");
        assertEquals(new KpaPolicy(k.meta(), 2, 40, KpaPolicy.Metric.RPS, 5, 0.7, 32, 120, 10, 200, 1000, 2, 600,
                30, 1, 1, 2), k);
        assertEquals(Set.of("targetUtilization", "panicWindowPercentage", "panicThresholdPercentage", "initialScale",
                "activationScale", "maxScaleUpRate", "maxScaleDownRate",
                "scaleToZeroGracePeriodSeconds", "tickSeconds"), k.meta().defaulted());
    }

    @Test
    void kserveScaleToZero() {
        KpaPolicy k = (KpaPolicy) set.policies().stream().filter(p -> p instanceof KpaPolicy kp
                && kp.meta().name().equals("rerank")).map(KpaPolicy.class::cast).findFirst().orElseThrow();
        assertEquals(new KpaPolicy(k.meta(), 0, 30, KpaPolicy.Metric.CONCURRENCY, 4, 0.7, 8, 60, 10, 200, 1000, 2, 0,
                30, 1, 1, 2), k);
        assertEquals("InferenceService", k.meta().sourceKind());
        assertTrue(k.meta().defaulted().contains("stableWindowSeconds"));
    }

    /** Ray Serve AutoscalingConfig defaults: upscale_delay_s 30, metrics_interval_s 10, look_back_period_s 30, factors 1. */
    @Test
    void rayServe() {
        RayServePolicy r = (RayServePolicy) named("chat/llm-chat");
        assertEquals(new RayServePolicy(r.meta(), 4, 120, 4, 6, 30, 600, OptionalDouble.empty(), 1, 1, 10, 30, 16), r);
        assertEquals("llm-chat", r.meta().service());
        assertEquals(Set.of("initialReplicas", "upscaleDelaySeconds", "upscalingFactor", "downscalingFactor",
                "metricsIntervalSeconds", "lookBackPeriodSeconds"), r.meta().defaulted());
    }

    @Test
    void scheduledOnTopOfTheHpaByName() {
        ScheduledPolicy s = (ScheduledPolicy) named("llm-chat-business-hours");
        assertEquals(named("llm-chat"), s.base());
        assertEquals(ZoneId.of("America/New_York"), s.timeZone());
        assertEquals(List.of(
                new ScheduledPolicy.Window("business-hours", "0 8 * * 1-5", 36_000, 12, ScheduledPolicy.Window.Mode.MIN),
                new ScheduledPolicy.Window("sunday-maintenance", "0 2 * * SUN", 7_200, 4, ScheduledPolicy.Window.Mode.SET)),
                s.windows());
        assertEquals("llm-chat", s.meta().service());
        assertEquals(Set.of("windows[0].mode"), s.meta().defaulted());
    }

    @Test
    void predictiveLeadsByTheServiceStartup() {
        PredictivePolicy p = (PredictivePolicy) named("embed-search-predictive");
        HpaPolicy floor = assertInstanceOf(HpaPolicy.class, p.base());
        assertEquals("embed-search-floor", floor.meta().name());
        assertEquals(Signal.RPS, floor.metrics().get(0).signal()); // External AverageValue: the HPA divides the total
        assertEquals(84, p.targetRpsPerReplica());
        assertEquals(90, p.leadSeconds()); // startupSeconds of embed-search in services.yaml
        assertEquals(PredictivePolicy.Seasonality.DAILY_AND_WEEKLY, p.seasonality());
        assertEquals(0.15, p.headroom());
        assertEquals(28, p.historyDays());
        assertEquals(Set.of("leadSeconds", "seasonality", "historyDays"), p.meta().defaulted());
    }

    @Test
    void servicesFile() {
        Map<String, ServiceSpec> s = ServicesFile.load("policies/services.yaml");
        assertEquals(List.of("llm-chat", "embed-search", "rerank", "vision-ocr", "llm-code", "llm-api"),
                List.copyOf(s.keySet()));
        assertEquals(new Slo(Slo.Percentile.P95, 1500, 0.99, Slo.Metric.TTFT,
                List.of(new Slo.Target(Slo.Metric.TPOT, Slo.Percentile.P95, 52))), s.get("llm-api").slo());
        assertEquals(0.25, s.get("llm-api").capacity().promptTokenWeight());
        assertTrue(s.get("llm-api").capacity().tokens());
        assertEquals(new Slo(Slo.Percentile.P95, 8000, 0.99), s.get("llm-chat").slo());
        assertEquals(new Slo(Slo.Percentile.P99, 250, 0.99), s.get("embed-search").slo());
        assertEquals(540, s.get("llm-chat").startupSeconds().orElseThrow());
        assertTrue(!s.get("vision-ocr").latencyCritical());
        assertTrue(s.get("embed-search").pricePerReplicaHour().isEmpty()); // price comes from billing
        // the sample generator writes its own copy; the example set must not drift from it
        assertEquals(ServicesFile.load("sample-data/services.yaml"), s);
    }
}
