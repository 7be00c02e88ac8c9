package dev.scalewise.model;

import dev.scalewise.policy.Slo;

/**
 * What one replica of a service does, fitted from its history ({@link ServiceModelFitter}) or stated
 * (tests, what-if runs). Per-replica quantities are functions of the load per ready replica (rps).
 *
 * @param latency             SLO-percentile latency (ms) vs load per replica
 * @param percentile          which percentile {@code latency} describes
 * @param capacityPerReplica  rps one replica serves before the SLO percentile reaches the threshold
 * @param gpuUtil             GPU utilization 0..1 vs load per replica
 * @param cpuUtil             CPU utilization 0..1 vs load per replica
 * @param memUtil             memory utilization 0..1 vs load per replica
 * @param concurrency         requests in flight per replica vs load per replica (observed in_flight)
 * @param queueDepth          requests waiting per replica vs load per replica (observed queue_depth)
 * @param startupSeconds      decision to serving: schedule + pull + model load
 * @param pricePerReplicaHour cost of one replica for one hour, in {@code currency}
 */
public record ServiceModel(String service, LatencyCurve latency, Slo.Percentile percentile,
                           Fitted capacityPerReplica, SignalCurve gpuUtil, SignalCurve cpuUtil,
                           SignalCurve memUtil, SignalCurve concurrency, SignalCurve queueDepth,
                           Fitted startupSeconds, Fitted pricePerReplicaHour, String currency) {

    /** A stated model (no history): queueing latency curve, no utilization signals. */
    public static ServiceModel stated(String service, LatencyCurve latency, Slo slo, double startupSeconds,
                                      double pricePerReplicaHour) {
        Fitted capacity = Fitted.configured(latency.loadAtMs(slo.thresholdMs()), "the stated latency curve");
        return new ServiceModel(service, latency, slo.percentile(), capacity,
                SignalCurve.unknown("gpu_util", 0, "stated model"), SignalCurve.unknown("cpu_util", 0, "stated model"),
                SignalCurve.unknown("mem_util", 0, "stated model"),
                SignalCurve.unknown("concurrency", 0, "stated model"),
                SignalCurve.unknown("queue_depth", 0, "stated model"),
                Fitted.configured(startupSeconds, "the stated model"),
                Fitted.configured(pricePerReplicaHour, "the stated model"), "USD");
    }

    /**
     * Requests in flight per replica at a load: the observed in-flight line when history had one, else
     * Little's law, load x latency (with the SLO-percentile curve, so an upper estimate).
     */
    public double concurrencyPerReplica(double rpsPerReplica) {
        return concurrency.known() ? concurrency.at(rpsPerReplica)
                : rpsPerReplica * latency.latencyMs(rpsPerReplica) / 1000;
    }

    public ServiceModel withGpuUtil(SignalCurve curve) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, curve, cpuUtil, memUtil,
                concurrency, queueDepth, startupSeconds, pricePerReplicaHour, currency);
    }

    public ServiceModel withConcurrency(SignalCurve curve) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, gpuUtil, cpuUtil, memUtil,
                curve, queueDepth, startupSeconds, pricePerReplicaHour, currency);
    }
}
