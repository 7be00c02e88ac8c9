package dev.scalewise.policy;

/** HPA `spec.behavior` with the API server's defaults filled in for both directions. */
public record Behavior(ScalingRules scaleUp, ScalingRules scaleDown) {
}
