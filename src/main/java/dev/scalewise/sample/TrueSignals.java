package dev.scalewise.sample;

import dev.scalewise.policy.Signal;
import dev.scalewise.sim.MetricsView;

/**
 * What the generator's HPA reads at a sync: the simulated world's own signals over the 15-s tick that
 * just ended, without exporter noise or rounding (the HPA averages them over its own 60-s window).
 * Per-replica signals divide by the replicas that were ready in that tick and are NaN while none was,
 * as {@link MetricsView} asks. The utilization formulas are the noiseless part of what the export's
 * gpu/cpu/mem columns show, so they live here once.
 */
final class TrueSignals implements MetricsView {
    private final boolean batching;
    private double arrivalRps;
    private int ready;
    private double busy; // min(1, served load per ready replica / saturation)
    private double inFlightPerReplica;
    private double queued;
    private double kvCache = Double.NaN;

    /** @param batching an LLM server with continuous batching (its GPU reads busy whenever a batch runs) */
    TrueSignals(boolean batching) {
        this.batching = batching;
    }

    TrueSignals() {
        this(false);
    }

    /**
     * @param arrivalRps       arrivals of the tick / tick length: the demand the service saw
     * @param ready            replicas that served in the tick
     * @param busy             min(1, served rps per ready replica / saturation rps)
     * @param servedRps        completions of the tick / tick length
     * @param p50Ms            median latency of the tick, queueing included
     * @param queued           requests waiting at the end of the tick (an LLM server's include those waiting
     *                         for a slot in the batch)
     */
    void set(double arrivalRps, int ready, double busy, double servedRps, double p50Ms, double queued) {
        this.arrivalRps = arrivalRps;
        this.ready = ready;
        this.busy = busy;
        this.inFlightPerReplica = ready == 0 ? Double.NaN : servedRps / ready * p50Ms / 1000; // Little's law
        this.queued = queued;
    }

    @Override
    public double value(Signal signal) {
        if (signal.perReplica() && ready == 0) {
            return Double.NaN;
        }
        return switch (signal) {
            case RPS -> arrivalRps;
            case RPS_PER_REPLICA -> arrivalRps / ready;
            case CONCURRENCY -> inFlightPerReplica;
            case QUEUE_DEPTH -> queued;
            case GPU_UTIL -> gpuUtil(busy);
            case KV_CACHE_UTIL -> kvCache;
            case SM_ACTIVE -> batching ? smActiveBatching(busy) : Double.NaN;
            case CPU_UTIL -> cpuUtil(busy);
            case MEM_UTIL -> memUtil(busy);
            // vLLM holds its share of the frame buffer whatever the load: no autoscaler of the fleet reads it
            case GPU_MEM_UTIL -> Double.NaN;
        };
    }

    /** An LLM server's KV-cache use over the tick just ended (NaN for a service in requests). */
    void setKvCache(double kvCache) {
        this.kvCache = kvCache;
    }

    /**
     * An idle GPU still shows 5 % (the serving loop's polling); a saturated one 95 %. An LLM server's GPU
     * runs a kernel whenever any sequence is in the batch, so DCGM's GPU_UTIL is near its top from a
     * fifth of the load on (why lint rule SW117 warns against scaling on it).
     */
    double gpuUtil(double busy) {
        return batching ? 0.05 + 0.92 * -StrictMath.expm1(-busy / 0.08) : 0.05 + 0.9 * busy;
    }

    /** DCGM's SM activity follows the work in the batch, not just whether a kernel runs. */
    static double smActiveBatching(double busy) {
        return 0.1 + 0.75 * busy;
    }

    /** Tokenization and batching keep one core partly busy even when idle. */
    static double cpuUtil(double busy) {
        return 0.08 + 0.5 * busy;
    }

    /** The loaded model and runtime hold most of the requested memory before any request arrives. */
    static double memUtil(double busy) {
        return 0.55 + 0.2 * busy;
    }
}
