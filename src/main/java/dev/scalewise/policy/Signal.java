package dev.scalewise.policy;

/**
 * The simulated quantities an autoscaler can scale on (DESIGN §4). Per-pod signals are averages over
 * ready pods; fleet signals are totals for the service.
 */
public enum Signal {
    /** Requests per second, whole service. */
    RPS(false),
    /** Requests per second per ready replica. */
    RPS_PER_REPLICA(true),
    /** Requests in flight per ready replica (Little's law: rate x latency). */
    CONCURRENCY(true),
    /** Requests waiting in queue, whole service. */
    QUEUE_DEPTH(false),
    /** GPU utilization 0..1, mean over ready replicas. */
    GPU_UTIL(true),
    /** CPU used / requested 0..1, mean over ready replicas. */
    CPU_UTIL(true),
    /** Memory used / requested 0..1, mean over ready replicas. */
    MEM_UTIL(true),
    /** An LLM server's KV-cache blocks in use 0..1, mean over ready replicas (vllm:kv_cache_usage_perc). */
    KV_CACHE_UTIL(true),
    /** GPU frame-buffer memory used / total 0..1, mean over ready replicas (DCGM FB_USED / (FB_USED + FB_FREE)). */
    GPU_MEM_UTIL(true),
    /** Share of SM cycles with a warp active 0..1, mean over ready replicas (DCGM_FI_PROF_SM_ACTIVE). */
    SM_ACTIVE(true);

    private final boolean perReplica;

    Signal(boolean perReplica) {
        this.perReplica = perReplica;
    }

    public boolean perReplica() {
        return perReplica;
    }

    /** A 0..1 fraction (a utilization): a target above 1 on it is a percent. */
    public boolean fraction() {
        return switch (this) {
            case GPU_UTIL, CPU_UTIL, MEM_UTIL, KV_CACHE_UTIL, GPU_MEM_UTIL, SM_ACTIVE -> true;
            case RPS, RPS_PER_REPLICA, CONCURRENCY, QUEUE_DEPTH -> false;
        };
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
