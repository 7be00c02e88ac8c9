package dev.scalewise.sim;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.SignalCurve;
import dev.scalewise.policy.Signal;

/**
 * The signals a replayed autoscaler reads: means over the decision period that just ended, as a
 * Prometheus rate over the scrape window would show them (never the demand still to come). One
 * instance per replay, overwritten at each decision, so deciding allocates nothing.
 *
 * <p>Per-replica signals divide by the ready replicas; with none ready they show the whole service's
 * value (as if one replica took it all), so a controller scaling from zero sees the demand.
 * Utilizations come from the fitted signal curves at the mean load per ready replica, capped at 1; while
 * requests queue that load is the demand per ready replica (saturated replicas), not what they served.
 */
final class ReplayMetrics implements MetricsView {
    private final SignalCurve gpu;
    private final SignalCurve cpu;
    private final SignalCurve mem;
    private final SignalCurve kvCache;
    private final SignalCurve gpuMem;
    private final SignalCurve sm;
    private double rps;
    private double rpsPerReplica;
    private double loadPerReplica;
    private double concurrency;
    private double queueDepth;

    ReplayMetrics(ServiceModel model) {
        this.gpu = model.gpuUtil();
        this.cpu = model.cpuUtil();
        this.mem = model.memUtil();
        this.kvCache = model.llmSignals().kvCacheUtil();
        this.gpuMem = model.llmSignals().gpuMemUtil();
        this.sm = model.llmSignals().smActive();
    }

    void set(double rps, double rpsPerReplica, double loadPerReplica, double concurrency, double queueDepth) {
        this.rps = rps;
        this.rpsPerReplica = rpsPerReplica;
        this.loadPerReplica = loadPerReplica;
        this.concurrency = concurrency;
        this.queueDepth = queueDepth;
    }

    @Override
    public double value(Signal signal) {
        return switch (signal) {
            case RPS -> rps;
            case RPS_PER_REPLICA -> rpsPerReplica;
            case CONCURRENCY -> concurrency;
            case QUEUE_DEPTH -> queueDepth;
            case GPU_UTIL -> Math.min(1, gpu.at(loadPerReplica));
            case CPU_UTIL -> Math.min(1, cpu.at(loadPerReplica));
            case MEM_UTIL -> Math.min(1, mem.at(loadPerReplica));
            case KV_CACHE_UTIL -> Math.min(1, kvCache.at(loadPerReplica));
            case GPU_MEM_UTIL -> Math.min(1, gpuMem.at(loadPerReplica));
            case SM_ACTIVE -> Math.min(1, sm.at(loadPerReplica));
        };
    }
}
