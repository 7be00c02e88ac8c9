package dev.scalewise.sim;

import dev.scalewise.policy.Signal;

/**
 * The metrics an autoscaler reads at a decision, as its pipeline shows them (after scrape interval
 * and averaging window). Per-replica signals are means over ready replicas; fleet signals are totals.
 * Implementations are reused across decisions so the replay loop allocates nothing per step.
 * Unknown values are NaN, and so are per-replica signals while no replica is ready. The autoscalers
 * treat the values as instantaneous and apply their own averaging windows.
 */
public interface MetricsView {
    double value(Signal signal);
}
