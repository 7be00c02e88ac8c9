package dev.scalewise.model;

import dev.scalewise.policy.Slo;

import java.util.List;

/**
 * What one replica of a service does, fitted from its history ({@link ServiceModelFitter}) or stated
 * (tests, what-if runs). Per-replica quantities are functions of the load per ready replica (rps).
 *
 * @param latency              SLO-percentile latency (ms) vs load per replica
 * @param percentile           which percentile {@code latency} describes
 * @param capacityPerReplica   rps one replica serves before the SLO percentile reaches the threshold
 * @param saturationPerReplica rps one replica serves at most: the rate a backlog drains at (>= capacity)
 * @param busiestLoadPerReplica the busiest load per replica at which latency is known (history or a
 *                             load test): beyond it the model extrapolates or bounds
 * @param gpuUtil              GPU utilization 0..1 vs load per replica
 * @param cpuUtil              CPU utilization 0..1 vs load per replica
 * @param memUtil              memory utilization 0..1 vs load per replica
 * @param concurrency          requests in the system per replica vs load per replica
 * @param queueDepth           requests waiting per replica vs load per replica (unknown without queue data)
 * @param startupSeconds       decision to serving: schedule + pull + model load
 * @param pricePerReplicaHour  cost of one replica for one hour, in {@code currency}
 * @param work                 the unit loads are in: requests, or weighted tokens for an LLM server
 *                             ({@link TokenWork}); every "rps" above is then weighted tokens/s
 * @param more                 the curves of the SLO's further targets (TTFT, TPOT), in the order of
 *                             {@link Slo#more()}; {@code capacityPerReplica} is already the smallest of all
 * @param llmSignals           KV-cache usage, GPU memory and SM activity vs load per replica
 */
public record ServiceModel(String service, LatencyCurve latency, Slo.Percentile percentile,
                           Fitted capacityPerReplica, Fitted saturationPerReplica, Fitted busiestLoadPerReplica,
                           SignalCurve gpuUtil, SignalCurve cpuUtil, SignalCurve memUtil, OccupancyCurve concurrency,
                           OccupancyCurve queueDepth, Fitted startupSeconds, Fitted pricePerReplicaHour,
                           String currency, TokenWork work, List<TargetCurve> more,
                           LlmSignalCurves llmSignals) {

    public ServiceModel {
        more = List.copyOf(more);
    }

    /** A model in requests. */
    public ServiceModel(String service, LatencyCurve latency, Slo.Percentile percentile, Fitted capacityPerReplica,
                        Fitted saturationPerReplica, Fitted busiestLoadPerReplica, SignalCurve gpuUtil,
                        SignalCurve cpuUtil, SignalCurve memUtil, OccupancyCurve concurrency,
                        OccupancyCurve queueDepth, Fitted startupSeconds, Fitted pricePerReplicaHour, String currency) {
        this(service, latency, percentile, capacityPerReplica, saturationPerReplica, busiestLoadPerReplica, gpuUtil,
                cpuUtil, memUtil, concurrency, queueDepth, startupSeconds, pricePerReplicaHour, currency,
                TokenWork.REQUESTS, List.of(), LlmSignalCurves.unknown("no LLM signals"));
    }

    /** A model without the LLM server's signals. */
    public ServiceModel(String service, LatencyCurve latency, Slo.Percentile percentile, Fitted capacityPerReplica,
                        Fitted saturationPerReplica, Fitted busiestLoadPerReplica, SignalCurve gpuUtil,
                        SignalCurve cpuUtil, SignalCurve memUtil, OccupancyCurve concurrency,
                        OccupancyCurve queueDepth, Fitted startupSeconds, Fitted pricePerReplicaHour, String currency,
                        TokenWork work, List<TargetCurve> more) {
        this(service, latency, percentile, capacityPerReplica, saturationPerReplica, busiestLoadPerReplica, gpuUtil,
                cpuUtil, memUtil, concurrency, queueDepth, startupSeconds, pricePerReplicaHour, currency, work, more,
                LlmSignalCurves.unknown("no LLM signals"));
    }

    /**
     * A stated model (no history): the latency curve, capacity where it meets the SLO, backlogs draining at
     * that capacity (the conservative default), concurrency by Little's law on the curve, no utilization.
     */
    public static ServiceModel stated(String service, LatencyCurve latency, Slo slo, double startupSeconds,
                                      double pricePerReplicaHour) {
        String source = "the stated latency curve";
        double at = latency.loadAtMs(slo.thresholdMs());
        return new ServiceModel(service, latency, slo.percentile(), Fitted.stated(at, source),
                Fitted.byDefault(at, "default: the capacity at the SLO"),
                Fitted.stated(Double.POSITIVE_INFINITY, source),
                SignalCurve.unknown("gpu_util", 0, "stated model"), SignalCurve.unknown("cpu_util", 0, "stated model"),
                SignalCurve.unknown("mem_util", 0, "stated model"),
                new OccupancyCurve("concurrency", latency, OccupancyCurve.Source.LITTLES_LAW, 0, Confidence.HIGH,
                        "Little's law on " + source),
                OccupancyCurve.unknown("queue_depth", 0, "stated model"),
                Fitted.stated(startupSeconds, "the stated model"),
                Fitted.stated(pricePerReplicaHour, "the stated model"), "USD");
    }

    /**
     * A model of which nothing could be fitted (analyze still reports what was observed): every number
     * unknown with {@code why}, the price as given.
     */
    public static ServiceModel unknown(String service, Slo.Percentile percentile, String why, Fitted price,
                                       String currency) {
        SignalCurve none = SignalCurve.unknown("none", 0, why);
        OccupancyCurve noOccupancy = OccupancyCurve.unknown("none", 0, why);
        return new ServiceModel(service, LatencyCurve.queueing(1, Double.POSITIVE_INFINITY), percentile,
                Fitted.unknown(0, why), Fitted.unknown(0, why), Fitted.unknown(0, why), none, none, none, noOccupancy,
                noOccupancy, Fitted.unknown(0, why), price, currency);
    }

    /** Requests in the system per replica at a load (the one relation the replay and the recommender use). */
    public double concurrencyPerReplica(double rpsPerReplica) {
        return concurrency.at(rpsPerReplica);
    }

    /**
     * Whether loads above {@link #busiestLoadPerReplica} are a guess: the capacity is a lower bound or an
     * extrapolation, so what happens there (and breaches that happen there) history cannot tell.
     */
    public boolean capacityBeyondHistory() {
        return capacityPerReplica.basis().beyondHistory();
    }

    public ServiceModel withGpuUtil(SignalCurve curve) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, curve, cpuUtil, memUtil, concurrency, queueDepth, startupSeconds,
                pricePerReplicaHour, currency, work, more, llmSignals);
    }

    public ServiceModel withConcurrency(OccupancyCurve curve) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, curve, queueDepth, startupSeconds,
                pricePerReplicaHour, currency, work, more, llmSignals);
    }

    public ServiceModel withQueueDepth(OccupancyCurve curve) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, concurrency, curve, startupSeconds,
                pricePerReplicaHour, currency, work, more, llmSignals);
    }

    public ServiceModel withStartup(Fitted startup) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, concurrency, queueDepth, startup,
                pricePerReplicaHour, currency, work, more, llmSignals);
    }

    public ServiceModel withPrice(Fitted price) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, concurrency, queueDepth, startupSeconds, price,
                currency, work, more, llmSignals);
    }

    public ServiceModel withWork(TokenWork unit) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturationPerReplica,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, concurrency, queueDepth, startupSeconds,
                pricePerReplicaHour, currency, unit, more, llmSignals);
    }

    /** Backlogs drain at {@code saturation} (tests, what-if runs). */
    public ServiceModel withSaturation(Fitted saturation) {
        return new ServiceModel(service, latency, percentile, capacityPerReplica, saturation,
                busiestLoadPerReplica, gpuUtil, cpuUtil, memUtil, concurrency, queueDepth, startupSeconds,
                pricePerReplicaHour, currency, work, more, llmSignals);
    }
}
