package dev.scalewise.policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A latency SLO: in at least `objective` of the minutes, the `percentile` of `metric` stays at or below
 * `thresholdMs`, and so does every further target in {@code more} (an LLM service may hold its end-to-end
 * latency, its time to first token and its time per output token at once: all must hold). The error budget is
 * 1 - objective of the minutes. The first target is the one outputs name first and the latency curve shows.
 */
public record Slo(Percentile percentile, double thresholdMs, double objective, Metric metric, List<Target> more)
        implements Serializable {
    /** p95 under 1 s in 99 % of minutes: the default when services.yaml does not name the service. */
    public static final Slo DEFAULT = new Slo(Percentile.P95, 1000, 0.99);

    public enum Percentile {
        P50(0.5), P95(0.05), P99(0.01);

        private final double tailShare;

        Percentile(double tailShare) {
            this.tailShare = tailShare;
        }

        /** The share of requests that may be slower than the percentile itself (0.05 for p95). */
        public double tailShare() {
            return tailShare;
        }
    }

    /** What a target holds: end-to-end request latency, time to first token, or time per output token. */
    public enum Metric {
        LATENCY, TTFT, TPOT;

        /** Waiting in the queue adds to it: end-to-end latency and time to first token do, TPOT (after the first token) does not. */
        public boolean includesQueueing() {
            return this != TPOT;
        }

        /** "latency", "ttft", "tpot" as services.yaml and outputs name it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One further target: the {@code percentile} of {@code metric} at or below {@code thresholdMs}. */
    public record Target(Metric metric, Percentile percentile, double thresholdMs) implements Serializable {
    }

    public Slo {
        more = List.copyOf(more);
    }

    /** An end-to-end latency SLO. */
    public Slo(Percentile percentile, double thresholdMs, double objective) {
        this(percentile, thresholdMs, objective, Metric.LATENCY, List.of());
    }

    /**
     * A latency within this share of the threshold meets it: a percentile sitting exactly on the threshold
     * (load exactly at capacity) comes back from a monitoring system's histogram_quantile a few parts per
     * billion off (the sample's rerank minute 11309: 300 ms read back from Prometheus as 300.0000006 ms).
     */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    /** The one breach rule, for replays, the observed run and the report's charts alike. */
    public static boolean exceeds(double latencyMs, double thresholdMs) {
        return latencyMs > thresholdMs * (1 + RELATIVE_TOLERANCE);
    }

    public boolean breachedBy(double latencyMs) {
        return exceeds(latencyMs, thresholdMs);
    }

    public double errorBudget() {
        return 1 - objective;
    }

    /** Every target, the first one first. */
    public List<Target> targets() {
        List<Target> all = new ArrayList<>();
        all.add(new Target(metric, percentile, thresholdMs));
        all.addAll(more);
        return all;
    }

    /**
     * A further target's latency on the first target's scale ({@code ms} x the first threshold / its own): a
     * minute breaches when the worst of its targets so scaled exceeds the first threshold, and that is the
     * latency a minute shows when there are several targets.
     */
    public double onFirstScale(Target t, double ms) {
        return ms * thresholdMs / t.thresholdMs();
    }
}
