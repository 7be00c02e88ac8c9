package dev.scalewise.sim.autoscaler;

/**
 * The HPA's dead band around a usage ratio of 1: no change while
 * {@code 1 - scaleDown <= ratio <= 1 + scaleUp} (replica_calculator.go {@code isWithinTolerance}; one value
 * for both directions before Kubernetes 1.33, per-direction {@code behavior.*.tolerance} since).
 */
public record Tolerances(double scaleDown, double scaleUp) {
    public static Tolerances both(double tolerance) {
        return new Tolerances(tolerance, tolerance);
    }

    public boolean within(double usageRatio) {
        return 1.0 - scaleDown <= usageRatio && usageRatio <= 1.0 + scaleUp;
    }
}
