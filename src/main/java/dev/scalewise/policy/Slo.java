package dev.scalewise.policy;

/**
 * A latency SLO: in at least `objective` of the minutes, the `percentile` latency stays at or below
 * `thresholdMs`. The error budget is 1 - objective of the minutes.
 */
public record Slo(Percentile percentile, double thresholdMs, double objective) {
    /** p95 under 1 s in 99 % of minutes: the default when services.yaml does not name the service. */
    public static final Slo DEFAULT = new Slo(Percentile.P95, 1000, 0.99);

    public enum Percentile { P50, P95, P99 }

    public double errorBudget() {
        return 1 - objective;
    }
}
