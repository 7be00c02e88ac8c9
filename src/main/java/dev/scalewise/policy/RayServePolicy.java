package dev.scalewise.policy;

/**
 * Ray Serve deployment `autoscaling_config` (defaults from Ray Serve's AutoscalingConfig).
 */
public record RayServePolicy(PolicyMeta meta, int minReplicas, int maxReplicas, int initialReplicas,
                             double targetOngoingRequests, double upscaleDelaySeconds,
                             double downscaleDelaySeconds, double upscalingFactor, double downscalingFactor,
                             double metricsIntervalSeconds, double lookBackPeriodSeconds,
                             int maxOngoingRequests) implements PolicySpec {
}
