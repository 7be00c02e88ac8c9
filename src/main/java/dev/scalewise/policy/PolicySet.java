package dev.scalewise.policy;

import java.util.List;

/**
 * The policies read from a set of files, in file and document order, and notes for the user
 * (skipped kinds, deprecated API versions, deployments without autoscaling).
 */
public record PolicySet(List<PolicySpec> policies, List<String> notes) {
    public PolicySet {
        policies = List.copyOf(policies);
        notes = List.copyOf(notes);
    }
}
