package dev.scalewise.policy;

import java.util.List;

/**
 * One direction of HPA behavior.
 *
 * @param tolerance per-direction tolerance (autoscaling/v2 `tolerance`, 1.33+); the global tolerance
 *                  when the manifest does not set it
 */
public record ScalingRules(int stabilizationWindowSeconds, SelectPolicy selectPolicy,
                           List<ScalingPolicy> policies, double tolerance) {
    public ScalingRules {
        policies = List.copyOf(policies);
    }

    public enum SelectPolicy { MAX, MIN, DISABLED }

    /** A rate limit: at most `value` pods (or percent of current) per `periodSeconds`. */
    public record ScalingPolicy(Type type, int value, int periodSeconds) {
        public enum Type { PODS, PERCENT }
    }
}
