package dev.scalewise.yaml;

/** A deliberate break of the layering, for arch.LayeringTest only: yaml using a policy, which sits above yaml. */
public final class LayeringViolation {
    static Class<?> uses() {
        return dev.scalewise.policy.PolicySpec.class;
    }
}
