package dev.scalewise.sample;

import dev.scalewise.policy.Slo;

import java.time.ZoneId;

/**
 * Everything that makes one synthetic service different from another. Capacities are per replica
 * (one replica = one GPU); demand is the weekday peak at the start of the sample, before growth, noise
 * and bursts.
 *
 * @param capacityRpsAtSlo     load per ready replica at which the SLO percentile reaches the threshold
 * @param baseLatencyMs        p50 at zero load
 * @param p95Factor            p95 / p50 at any load (p99Factor likewise)
 * @param startupSeconds       nominal schedule + image pull + model load; each pod draws 0.9..1.1 x this
 * @param committedDiscount    share of on-demand price saved by a commitment: BilledCost = Effective / (1 - d)
 * @param peakRps              weekday mid-day demand at the start of the sample
 * @param diurnalTrough        night demand as a share of the mid-day peak
 * @param weekendFactor        Saturday/Sunday demand relative to a weekday
 * @param weeklyGrowth         compound demand growth per week (0.01 = +1 %/week)
 * @param burstsPerDay         mean number of short demand bursts per day (Poisson)
 * @param modelGiB             GPU memory the loaded model occupies (fb_used_bytes at idle)
 * @param llm                  an LLM server with continuous batching, simulated in weighted tokens; null for a
 *                             service simulated in requests. For one, capacityRpsAtSlo is its capacity in tokens
 *                             at the mean token mix (what a load test at that mix would report in requests)
 */
public record ServiceProfile(String name, String team, ZoneId zone, String skuId, double pricePerReplicaHour,
                            double committedDiscount, double capacityRpsAtSlo, double baseLatencyMs,
                            double p95Factor, double p99Factor, Slo slo, int startupSeconds, double peakRps,
                            double diurnalTrough, double weekendFactor, double weeklyGrowth,
                            double burstsPerDay, int minReplicas, int maxReplicas, double modelGiB,
                            LlmProfile llm) {
    /** HPA target as a share of capacity at SLO: the usual 30 % headroom. */
    public static final double TARGET_SHARE_OF_CAPACITY = 0.7;

    public ServiceProfile {
        if (minReplicas < 1 || maxReplicas < minReplicas) {
            throw new IllegalArgumentException(name + ": need 1 <= minReplicas <= maxReplicas");
        }
        if (llm == null) {
            QueueingLatency.forSlo(baseLatencyMs, p95Factor, p99Factor, slo, capacityRpsAtSlo); // rejects an SLO the base latency breaks
        } else {
            llm.capacityTokensAtSlo(slo); // rejects an SLO the batching curves never or always break
        }
    }

    /** A service simulated in requests. */
    public ServiceProfile(String name, String team, ZoneId zone, String skuId, double pricePerReplicaHour,
                          double committedDiscount, double capacityRpsAtSlo, double baseLatencyMs,
                          double p95Factor, double p99Factor, Slo slo, int startupSeconds, double peakRps,
                          double diurnalTrough, double weekendFactor, double weeklyGrowth,
                          double burstsPerDay, int minReplicas, int maxReplicas, double modelGiB) {
        this(name, team, zone, skuId, pricePerReplicaHour, committedDiscount, capacityRpsAtSlo, baseLatencyMs,
                p95Factor, p99Factor, slo, startupSeconds, peakRps, diurnalTrough, weekendFactor, weeklyGrowth,
                burstsPerDay, minReplicas, maxReplicas, modelGiB, null);
    }

    /** Work per second one ready replica serves at most: requests/s, or weighted tokens/s for an LLM server. */
    public double saturation() {
        return llm == null ? latency().saturationRps() : llm.saturationTokensPerSecond();
    }

    /** Work per second per replica at which the SLO is just met: requests/s, or weighted tokens/s. */
    public double capacityAtSlo() {
        return llm == null ? capacityRpsAtSlo : llm.capacityTokensAtSlo(slo);
    }

    /** The queueing curve whose SLO percentile reaches the SLO threshold exactly at capacityRpsAtSlo. */
    public QueueingLatency latency() {
        return QueueingLatency.forSlo(baseLatencyMs, p95Factor, p99Factor, slo, capacityRpsAtSlo);
    }

    /** The HPA's AverageValue target of rps_per_replica. */
    public double targetRpsPerReplica() {
        return TARGET_SHARE_OF_CAPACITY * capacityRpsAtSlo;
    }

    /** Requests wait at most this long in the queue before the client gives up (counted as errors). */
    public double timeoutSeconds() {
        return Math.max(10, 5 * slo.thresholdMs() / 1000);
    }

    /** A copy for the k-th clone of this profile when more services are asked for than profiles exist. */
    ServiceProfile scaled(String newName, double demandFactor) {
        int max = Math.max(minReplicas, (int) Math.ceil(maxReplicas * demandFactor));
        return new ServiceProfile(newName, team, zone, skuId, pricePerReplicaHour, committedDiscount,
                capacityRpsAtSlo, baseLatencyMs, p95Factor, p99Factor, slo, startupSeconds,
                peakRps * demandFactor, diurnalTrough, weekendFactor, weeklyGrowth, burstsPerDay,
                minReplicas, max, modelGiB, llm);
    }
}
