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
    MEM_UTIL(true);

    private final boolean perReplica;

    Signal(boolean perReplica) {
        this.perReplica = perReplica;
    }

    public boolean perReplica() {
        return perReplica;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
