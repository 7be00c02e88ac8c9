package dev.scalewise.sim;

/**
 * One autoscaling controller, replayed. The replay loop calls {@link #decide} every
 * {@link #periodSeconds()} of simulated time; the controller keeps whatever history it needs
 * (recommendations, scale events, windows) between calls. Deterministic: no wall clock.
 *
 * <p>Call {@code decide} at non-decreasing {@code nowSeconds}, once every {@link #periodSeconds()}: the
 * controllers' windows and delays are measured in replay seconds and fed by the samples they see at their
 * decisions. Instances are stateful, one per replay ({@code dev.scalewise.sim.autoscaler.Autoscalers}).
 */
public interface Autoscaler {
    /** Seconds between two decisions (HPA sync period, KEDA polling interval, KPA tick, ...). */
    int periodSeconds();

    /**
     * @param nowSeconds      simulated time since the replay started
     * @param currentReplicas replicas the controller asked for last (spec.replicas)
     * @param readyReplicas   replicas serving now
     * @param metrics         the signals as the controller sees them now
     * @return the replicas the controller asks for, within the policy's bounds
     */
    int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics);

    /** What serves demand the ready replicas cannot: nothing (it queues) but for a Lambda function. */
    default OnDemand onDemand() {
        return OnDemand.NONE;
    }

    /** How the platform bills the replicas: every second of each (Kubernetes and most clouds) but for Cloud Run's request-based billing. */
    default Billing billing() {
        return Billing.LIFETIME;
    }
}
