package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.ScalingRules.ScalingPolicy;

import java.util.List;

/**
 * Every default the controllers apply to a field a manifest leaves out, in one place, each with the
 * upstream source it comes from. The readers fill them in (and record them in
 * {@link PolicyMeta#defaulted()}); the replay, the tuners and the lint rules that need one read it here.
 * Scalewise's own kinds (ScheduledScaling, PredictiveScaling) keep theirs in {@link NativeReader}: they
 * are ours, not a controller's.
 */
public final class UpstreamDefaults {
    private UpstreamDefaults() {
    }

    /**
     * Kubernetes HorizontalPodAutoscaler: the API server's defaults ({@code pkg/apis/autoscaling/v2/defaults.go})
     * and kube-controller-manager's flags ({@code --horizontal-pod-autoscaler-*}).
     */
    public static final class Hpa {
        /** SetDefaults_HorizontalPodAutoscaler: minReplicas 1. */
        public static final int MIN_REPLICAS = 1;
        /** SetDefaults_HorizontalPodAutoscaler: no metrics = CPU at 80 % utilization. */
        public static final MetricTarget METRIC =
                new MetricTarget(MetricSource.RESOURCE, "cpu", Signal.CPU_UTIL, TargetType.UTILIZATION, 80);
        /** --horizontal-pod-autoscaler-sync-period, 15 s. */
        public static final int SYNC_PERIOD_SECONDS = 15;
        /** --horizontal-pod-autoscaler-tolerance, 0.1. */
        public static final double TOLERANCE = 0.1;
        /** GenerateHPAScaleUpRules: no scale-up stabilization. */
        public static final int SCALE_UP_WINDOW_SECONDS = 0;
        /** GenerateHPAScaleUpRules: the larger of 4 pods or 100 % per 15 s. */
        public static final List<ScalingPolicy> SCALE_UP_POLICIES = List.of(
                new ScalingPolicy(ScalingPolicy.Type.PODS, 4, 15),
                new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15));
        /**
         * The scale-down window: defaults.go leaves it nil, and the controller then uses its flag
         * --horizontal-pod-autoscaler-downscale-stabilization, 5 min; it is also the legacy path's window
         * (no {@code behavior} at all).
         */
        public static final int SCALE_DOWN_WINDOW_SECONDS = 300;
        /** GenerateHPAScaleDownRules: 100 % per 15 s. */
        public static final List<ScalingPolicy> SCALE_DOWN_POLICIES = List.of(
                new ScalingPolicy(ScalingPolicy.Type.PERCENT, 100, 15));
        /**
         * The legacy path's scale-up limit, max(2 x current, 4) per sync ({@code pkg/controller/podautoscaler/horizontal.go}
         * scaleUpLimitFactor, scaleUpLimitMinimum).
         */
        public static final double LEGACY_SCALE_UP_FACTOR = 2.0;
        public static final double LEGACY_SCALE_UP_MINIMUM = 4.0;

        private Hpa() {
        }
    }

    /**
     * KEDA ScaledObject: {@code apis/keda/v1alpha1/scaledobject_types.go} and the ScaledObject spec
     * (keda.sh/docs/2.x/reference/scaledobject-spec). A trigger's metricType is AverageValue (Utilization
     * for the cpu and memory scalers) and its activationThreshold 0.
     */
    public static final class Keda {
        public static final int POLLING_INTERVAL_SECONDS = 30;
        public static final int COOLDOWN_PERIOD_SECONDS = 300;
        public static final int INITIAL_COOLDOWN_PERIOD_SECONDS = 0;
        public static final int MIN_REPLICA_COUNT = 0;
        public static final int MAX_REPLICA_COUNT = 100;

        private Keda() {
        }
    }

    /**
     * Azure Container Apps: the API reference of {@code properties.template.scale} (Microsoft.App
     * containerApps, Scale: minReplicas, maxReplicas "defaults to 10", pollingInterval "defaults to 30
     * seconds", cooldownPeriod "defaults to 300 seconds") and "Set scaling rules in Azure Container Apps"
     * (learn.microsoft.com/azure/container-apps/scale-app: minimum replicas 0 by default, at most 1,000; an
     * HTTP rule's concurrentRequests 10 by default, its concurrency computed every 15 s as the requests of the
     * last 15 s divided by 15; scale behavior: scale-up stabilization 0 s, scale-down stabilization 300 s,
     * desiredReplicas = ceil(currentMetricValue / targetMetricValue)).
     */
    public static final class ContainerApps {
        public static final int MIN_REPLICAS = 0;
        public static final int MAX_REPLICAS = 10;
        public static final int REPLICA_LIMIT = 1000;
        public static final int POLLING_INTERVAL_SECONDS = 30;
        public static final int COOLDOWN_PERIOD_SECONDS = 300;
        public static final double CONCURRENT_REQUESTS = 10;
        /** How often an HTTP rule's concurrency is computed (the polling interval applies to custom rules). */
        public static final int HTTP_INTERVAL_SECONDS = 15;
        public static final int SCALE_UP_WINDOW_SECONDS = 0;
        public static final int SCALE_DOWN_WINDOW_SECONDS = 300;
        /** A container's resources when the app does not set them (ARM spec, "Containers": 0.5 CPU, 1Gi). */
        public static final double VCPU_PER_CONTAINER = 0.5;
        public static final double MEMORY_GIB_PER_CONTAINER = 1;
        /*
         * Consumption plan, pay-as-you-go, Central US (Azure Container Apps pricing page, as Microsoft quotes it in
         * "Understanding Idle Usage in Azure Container Apps", Apps on Azure Blog, 2025-05-30): active usage
         * $0.000024 per vCPU-second and $0.000003 per GiB-second; idle usage $0.000003 per vCPU-second, memory
         * "the same"; requests $0.40 per million (as cost guides quote the pricing page). Free monthly grants are
         * left out (docs/autoscalers.md).
         */
        public static final double ACTIVE_USD_PER_VCPU_SECOND = 0.000024;
        public static final double IDLE_USD_PER_VCPU_SECOND = 0.000003;
        public static final double USD_PER_GIB_SECOND = 0.000003;
        public static final double PRICE_PER_MILLION_REQUESTS_USD = 0.40;
        public static final String PRICES = "Azure's Consumption-plan list prices (pay-as-you-go, Central US, May 2025)";

        private ContainerApps() {
        }
    }

    /**
     * AWS Lambda provisioned concurrency under Application Auto Scaling. Cooldowns: API reference,
     * {@code TargetTrackingScalingPolicyConfiguration} (ScaleInCooldown / ScaleOutCooldown "0 seconds" for Lambda
     * provisioned concurrency). Allocation: Lambda Developer Guide, "Managing Lambda provisioned concurrency",
     * "Lambda starts allocating provisioned concurrency after a minute or two of preparation". Prices: AWS Lambda
     * pricing page, US East (N. Virginia): duration $0.0000166667 per GB-second, provisioned concurrency
     * $0.0000041667 per GB-second configured, duration on provisioned concurrency $0.0000097222 per GB-second,
     * requests $0.20 per million (x86; Arm's are 20 % lower and in the same ratios). docs/autoscalers.md cites each.
     */
    public static final class Lambda {
        public static final String NAMESPACE = "lambda";
        public static final String DIMENSION = "lambda:function:ProvisionedConcurrency";
        public static final int COOLDOWN_SECONDS = 0;
        /** The upper end of "a minute or two" before allocation starts: never sooner than AWS says. */
        public static final int ALLOCATION_DELAY_SECONDS = 120;
        /**
         * How long an on-demand execution environment stays warm after its last request. AWS does not publish it
         * (it keeps one "for some time in anticipation of another function invocation"); a stated assumption,
         * short enough that the replay rather counts a cold start too many than one too few.
         */
        public static final int IDLE_RETENTION_SECONDS = 300;
        /** Duration on demand per GB-second, as a multiple of provisioned concurrency's price per GB-second configured. */
        public static final double ON_DEMAND_DURATION_RATIO = 0.0000166667 / 0.0000041667;
        /** Duration on provisioned concurrency per GB-second, as that multiple. */
        public static final double PROVISIONED_DURATION_RATIO = 0.0000097222 / 0.0000041667;
        public static final double PRICE_PER_MILLION_REQUESTS_USD = 0.20;

        private Lambda() {
        }
    }

    /**
     * Google Cloud Run's pricing page (cloud.google.com/run/pricing), Tier 1 regions: request-based billing
     * $0.000024 per vCPU-second and $0.0000025 per GiB-second, instance-based $0.000018 and $0.000002; and the
     * container defaults when a revision sets no limits (Cloud Run docs, "Configure CPU limits": 1 vCPU;
     * "Configure memory limits": 512 MiB).
     */
    public static final class CloudRun {
        /** "Requests: $0.40 per million" beyond the free tier; instance-based billing charges none. */
        public static final double PRICE_PER_MILLION_REQUESTS_USD = 0.40;
        public static final double REQUEST_BASED_USD_PER_VCPU_SECOND = 0.000024;
        public static final double REQUEST_BASED_USD_PER_GIB_SECOND = 0.0000025;
        public static final double INSTANCE_BASED_USD_PER_VCPU_SECOND = 0.000018;
        public static final double INSTANCE_BASED_USD_PER_GIB_SECOND = 0.000002;
        public static final double VCPU_PER_CONTAINER = 1;
        public static final double MEMORY_GIB_PER_CONTAINER = 0.5;

        private CloudRun() {
        }
    }

    /**
     * Knative Serving's {@code config-autoscaler} ConfigMap ({@code config/core/configmaps/autoscaler.yaml},
     * {@code pkg/autoscaler/config/config.go}) and annotation defaults ({@code pkg/apis/autoscaling/register.go}).
     */
    public static final class Knative {
        /** container-concurrency-target-percentage: "70". */
        public static final double TARGET_UTILIZATION = 0.70;
        /** container-concurrency-target-default: "100". */
        public static final double CONCURRENCY_TARGET = 100;
        /** requests-per-second-target-default: "200". */
        public static final double RPS_TARGET = 200;
        /** stable-window: "60s". */
        public static final int STABLE_WINDOW_SECONDS = 60;
        /** panic-window-percentage: "10.0". */
        public static final double PANIC_WINDOW_PERCENTAGE = 10;
        /** panic-threshold-percentage: "200.0". */
        public static final double PANIC_THRESHOLD_PERCENTAGE = 200;
        /** max-scale-up-rate: "1000.0". */
        public static final double MAX_SCALE_UP_RATE = 1000;
        /** max-scale-down-rate: "2.0". */
        public static final double MAX_SCALE_DOWN_RATE = 2;
        /** scale-to-zero-grace-period: "30s". */
        public static final int SCALE_TO_ZERO_GRACE_SECONDS = 30;
        /** scale-down-delay: "0s". */
        public static final int SCALE_DOWN_DELAY_SECONDS = 0;
        /** initial-scale: "1". */
        public static final int INITIAL_SCALE = 1;
        /** activation-scale: 1 (register.go). */
        public static final int ACTIVATION_SCALE = 1;
        /** min-scale: "0" (scale to zero enabled). */
        public static final int MIN_SCALE = 0;
        /** pkg/autoscaler/scaling: tickInterval 2 s. */
        public static final int TICK_SECONDS = 2;

        private Knative() {
        }
    }

    /**
     * KServe InferenceService: {@code pkg/apis/serving/v1beta1/component.go} and {@code pkg/constants}.
     */
    public static final class KServe {
        /** DefaultMinReplicas (0 = scale to zero, honoured only by the kpa class). */
        public static final int MIN_REPLICAS = 1;
        /** DefaultCPUUtilization: the HPA class's scaleTarget without a scaleMetric. */
        public static final double CPU_UTILIZATION = 80;

        private KServe() {
        }
    }

    /**
     * Ray Serve's AutoscalingConfig ({@code python/ray/serve/config.py}) and the autoscaling guide
     * (docs.ray.io serve/advanced-guides/advanced-autoscaling), Ray 2.32 and later.
     */
    public static final class RayServe {
        public static final int MIN_REPLICAS = 1;
        public static final int MAX_REPLICAS = 1;
        /** {@code num_replicas: auto}: max_replicas 100. */
        public static final int AUTO_MAX_REPLICAS = 100;
        /** target_ongoing_requests 2 (was 1 before 2.32). */
        public static final double TARGET_ONGOING_REQUESTS = 2;
        public static final double UPSCALE_DELAY_SECONDS = 30;
        public static final double DOWNSCALE_DELAY_SECONDS = 600;
        public static final double METRICS_INTERVAL_SECONDS = 10;
        public static final double LOOK_BACK_PERIOD_SECONDS = 30;
        /** upscaling/downscaling factor = smoothing_factor = 1.0. */
        public static final double SMOOTHING_FACTOR = 1.0;
        /** max_ongoing_requests 5 (since 2.32). */
        public static final int MAX_ONGOING_REQUESTS = 5;

        private RayServe() {
        }
    }
}
