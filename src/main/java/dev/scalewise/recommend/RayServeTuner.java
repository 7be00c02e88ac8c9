package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.RayServePolicy;


/**
 * Ray Serve knobs of one deployment's {@code autoscaling_config}: target_ongoing_requests (the fitted
 * in-flight requests per replica at the searched load), min_replicas, downscale_delay_s and
 * upscale_delay_s. In a RayService the config is YAML inside the {@code spec.serveConfigV2} string:
 * the path enters it with {@code |} (see {@link dev.scalewise.yaml.YamlPath}).
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
        addTarget(TargetScale.concurrency(model), "targetOngoingRequests", ray.meta().field("targetOngoingRequests"),
                ray.targetOngoingRequests(), 1, ValueFormat.NUMBER);
        addMin(ray.minReplicas(), m -> true);
        setMax(ray.maxReplicas());
        downIndex = addSeconds("downscaleDelaySeconds", "downscaleDelaySeconds", ray.downscaleDelaySeconds(),
                DOWNSCALE_DELAYS, ValueFormat.NUMBER, Knob.Headroom.HIGHER);
        upIndex = addSeconds("upscaleDelaySeconds", "upscaleDelaySeconds", ray.upscaleDelaySeconds(), UPSCALE_DELAYS,
                ValueFormat.NUMBER, Knob.Headroom.LOWER);
    }

    @Override
    PolicySpec apply(double[] v) {
        RayServePolicy r = ray;
        int min = min(v);
        int max = maxFor(v);
        int initial = Math.max(min, Math.min(max, r.initialReplicas()));
        return new RayServePolicy(r.meta(), min, max, initial, targetIndex == NONE ? r.targetOngoingRequests() : v[targetIndex],
                valueAt(v, upIndex, r.upscaleDelaySeconds()), valueAt(v, downIndex, r.downscaleDelaySeconds()),
                r.downscaleToZeroDelaySeconds(), r.upscalingFactor(), r.downscalingFactor(), r.metricsIntervalSeconds(),
                r.lookBackPeriodSeconds(), r.maxOngoingRequests());
    }
}
