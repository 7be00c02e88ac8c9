package dev.scalewise.sim;

import dev.scalewise.policy.ReplicaShape;

/**
 * A platform's published price for one replica of a policy's shape, in USD per hour: while it serves (active)
 * and while it idles; or, when no published price covers the replica (a GPU, a dedicated profile), why the
 * service's own price per replica-hour stands instead ({@code what}).
 */
public record ListPrice(double activeUsdPerHour, double idleUsdPerHour, String what) {
    /** No list price and nothing to say (Kubernetes, SageMaker, Lambda's provisioned environments). */
    public static final ListPrice NONE = unknown("");

    public static ListPrice unknown(String why) {
        return new ListPrice(Double.NaN, Double.NaN, why);
    }

    /** Per-second unit prices (USD per vCPU-second and per GiB-second, active and idle) applied to a shape. */
    public static ListPrice of(ReplicaShape shape, double activeVcpu, double activeGib, double idleVcpu, double idleGib,
                               String prices) {
        return new ListPrice((shape.vcpu() * activeVcpu + shape.memoryGib() * activeGib) * 3600,
                (shape.vcpu() * idleVcpu + shape.memoryGib() * idleGib) * 3600, prices + " for " + shape.describe());
    }

    public boolean known() {
        return Double.isFinite(activeUsdPerHour);
    }

    /** What an idle replica-second costs as a share of an active one; 0 without a list price. */
    public double idleShare() {
        return known() ? idleUsdPerHour / activeUsdPerHour : 0;
    }
}
