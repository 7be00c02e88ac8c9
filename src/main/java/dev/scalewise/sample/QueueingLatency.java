package dev.scalewise.sample;

import dev.scalewise.policy.Slo;

/**
 * The generator's true latency of one replica as a function of its load (not {@code model.LatencyCurve},
 * the curve the fitter finds in the data): M/M/1-style, percentile X at utilization rho = load /
 * saturationRps is {@code factorX * baseMs / (1 - rho)} (p50 factor 1, so p50 = base x (1 + rho/(1-rho))).
 * rho is capped at {@link #MAX_RHO}: beyond it the fluid backlog, not the curve, carries the overload
 * (see {@link ServiceSimulator}).
 *
 * <p>The saturation point is derived from the SLO so that the documented capacity is exact: the SLO
 * percentile equals the SLO threshold at load {@code capacityRpsAtSlo}.
 */
public record QueueingLatency(double baseMs, double p95Factor, double p99Factor, double saturationRps) {
    /** Above 90 % utilization a fluid model stops being credible; the queue takes over. */
    public static final double MAX_RHO = 0.9;

    /**
     * The curve whose SLO percentile crosses {@code slo.thresholdMs()} exactly at
     * {@code capacityRpsAtSlo}: threshold = factor x base / (1 - rhoSlo), so
     * rhoSlo = 1 - factor x base / threshold and saturation = capacity / rhoSlo.
     */
    public static QueueingLatency forSlo(double baseMs, double p95Factor, double p99Factor, Slo slo,
                                      double capacityRpsAtSlo) {
        double factor = factorOf(slo.percentile(), p95Factor, p99Factor);
        double rhoAtSlo = 1 - factor * baseMs / slo.thresholdMs();
        if (rhoAtSlo <= 0.2 || rhoAtSlo >= MAX_RHO) {
            throw new IllegalArgumentException("SLO " + slo + " puts the capacity at utilization " + rhoAtSlo
                    + "; expected between 0.2 and " + MAX_RHO + " (base " + baseMs + " ms, factor " + factor + ")");
        }
        return new QueueingLatency(baseMs, p95Factor, p99Factor, capacityRpsAtSlo / rhoAtSlo);
    }

    private static double factorOf(Slo.Percentile p, double p95Factor, double p99Factor) {
        return switch (p) {
            case P50 -> 1;
            case P95 -> p95Factor;
            case P99 -> p99Factor;
        };
    }

    /** Utilization of a replica serving {@code rpsPerReplica}, capped at {@link #MAX_RHO}. */
    public double rho(double rpsPerReplica) {
        return Math.min(MAX_RHO, Math.max(0, rpsPerReplica / saturationRps));
    }

    public double p50Ms(double rpsPerReplica) {
        return baseMs / (1 - rho(rpsPerReplica));
    }

    public double p95Ms(double rpsPerReplica) {
        return p95Factor * p50Ms(rpsPerReplica);
    }

    public double p99Ms(double rpsPerReplica) {
        return p99Factor * p50Ms(rpsPerReplica);
    }

    public double percentileMs(Slo.Percentile p, double rpsPerReplica) {
        return factorOf(p, p95Factor, p99Factor) * p50Ms(rpsPerReplica);
    }
}
