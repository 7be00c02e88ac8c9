package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.RayServePolicy;

import java.util.List;

/**
 * Ray Serve knobs of one deployment's {@code autoscaling_config}: target_ongoing_requests (the fitted
 * in-flight requests per replica at the searched load), min_replicas, downscale_delay_s and
 * upscale_delay_s. In a RayService the config is YAML inside the {@code spec.serveConfigV2} string:
 * the path enters it with {@code |} (see {@link YamlPath}).
 */
final class RayServeTuner extends Tuner {
    static final double[] DOWNSCALE_DELAYS = {60, 120, 300, 600, 900};
    static final double[] UPSCALE_DELAYS = {0, 10, 30, 60};

    private final RayServePolicy ray;
    private final int downIndex;
    private final int upIndex;

    RayServeTuner(RayServePolicy ray, ServiceModel model, Limits limits) {
        super(ray, model, limits);
        this.ray = ray;
        String name = ray.meta().name();
        int slash = name.indexOf('/');
        String app = name.substring(0, slash);
        String deployment = name.substring(slash + 1);
        String root = ray.meta().sourceKind().equals("RayService") ? "spec.serveConfigV2|" : "";
        String cfg = root + "applications[name=" + app + "].deployments[name=" + deployment + "].autoscaling_config.";
        addTarget(TargetScale.concurrency(model), "targetOngoingRequests", cfg + "target_ongoing_requests",
                List.of(cfg + "target_num_ongoing_requests_per_replica"), ray.targetOngoingRequests(), 1, ValueFormat.NUMBER);
        addMin(cfg + "min_replicas", List.of(), ray.minReplicas(), ValueFormat.INT, m -> true);
        setMax(cfg + "max_replicas", List.of(), ray.maxReplicas(), ValueFormat.INT);
        downIndex = addSeconds("downscaleDelaySeconds", cfg + "downscale_delay_s", List.of(), ray.downscaleDelaySeconds(),
                DOWNSCALE_DELAYS, ValueFormat.NUMBER, Knob.Headroom.HIGHER);
        upIndex = addSeconds("upscaleDelaySeconds", cfg + "upscale_delay_s", List.of(), ray.upscaleDelaySeconds(),
                UPSCALE_DELAYS, ValueFormat.NUMBER, Knob.Headroom.LOWER);
    }

    @Override
    PolicySpec apply(double[] v) {
        RayServePolicy r = ray;
        int min = min(v);
        int max = maxFor(v);
        int initial = Math.max(min, Math.min(max, r.initialReplicas()));
        return new RayServePolicy(r.meta(), min, max, initial, targetIndex == NONE ? r.targetOngoingRequests() : v[targetIndex],
                v[upIndex], v[downIndex], r.downscaleToZeroDelaySeconds(), r.upscalingFactor(), r.downscalingFactor(), r.metricsIntervalSeconds(),
                r.lookBackPeriodSeconds(), r.maxOngoingRequests());
    }
}
