package dev.scalewise.sim;

import dev.scalewise.policy.Signal;

/**
 * The metrics an autoscaler reads at a decision, as its pipeline shows them (after scrape interval
 * and averaging window). Per-replica signals are means over ready replicas; fleet signals are totals.
 * Implementations are reused across decisions so the replay loop allocates nothing per step.
 */
public interface MetricsView {
    double value(Signal signal);
}
