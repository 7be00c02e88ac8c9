package dev.scalewise.sim;

/**
 * How a replay serves demand its ready replicas cannot take. Every Kubernetes controller's service queues
 * it ({@link #NONE}); a Lambda function with provisioned concurrency runs it at once in on-demand execution
 * environments (a replica is then one provisioned environment, serving one request at a time): each new
 * environment starts cold, its first request waiting the service's startup (the function's init), and is
 * kept warm {@code idleRetentionSeconds} after it was last needed. Replicas the controller adds are
 * allocated {@code allocationDelaySeconds} before they start initializing. Execution is billed on top of
 * the replicas: on demand at {@code onDemandPriceRatio} x the replica price per busy environment-second
 * (init included), on a provisioned environment at {@code provisionedBusyPriceRatio} x it (the request charge is
 * the controller's {@link Billing}).
 */
public record OnDemand(boolean enabled, double allocationDelaySeconds, double idleRetentionSeconds,
                       double onDemandPriceRatio, double provisionedBusyPriceRatio) {
    public static final OnDemand NONE = new OnDemand(false, 0, 0, 0, 0);

    /** What a cost and a latency served this way rest on, for the outputs; empty for NONE. */
    public java.util.List<String> basis() {
        if (!enabled) {
            return java.util.List.of();
        }
        return java.util.List.of(String.format(java.util.Locale.ROOT, "execution billed on top at %.2fx (on demand, init"
                + " included) and %.2fx (a busy provisioned environment) the price per replica-hour, stated price"
                + " ratios; an idle on-demand environment assumed warm for %.0f s (not published)", onDemandPriceRatio,
                provisionedBusyPriceRatio, idleRetentionSeconds));
    }
}
