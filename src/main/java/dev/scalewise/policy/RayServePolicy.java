package dev.scalewise.policy;

import java.util.OptionalDouble;

/**
 * Ray Serve deployment `autoscaling_config` (defaults from Ray Serve's AutoscalingConfig).
 *
 * @param downscaleToZeroDelaySeconds the delay of the 1 -> 0 step; empty: downscaleDelaySeconds applies
 */
public record RayServePolicy(PolicyMeta meta, int minReplicas, int maxReplicas, int initialReplicas,
                             double targetOngoingRequests, double upscaleDelaySeconds,
                             double downscaleDelaySeconds, OptionalDouble downscaleToZeroDelaySeconds,
                             double upscalingFactor, double downscalingFactor,
                             double metricsIntervalSeconds, double lookBackPeriodSeconds,
                             int maxOngoingRequests) implements PolicySpec {
    @Override
    public PolicyKind kind() {
        return PolicyKind.RAY_SERVE;
    }
}
