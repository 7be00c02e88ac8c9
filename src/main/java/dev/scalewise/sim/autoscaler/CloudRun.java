package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.MetricsView;

/**
 * Cloud Run's autoscaler as far as Google documents it (docs/autoscalers.md): every
 * {@value #PERIOD_SECONDS} s, the instances each scaling driver needs over the last minute, the larger of
 * the two, within [min, max]:
 * <ul>
 *   <li>concurrency: ceil(mean requests in flight / (containerConcurrency x concurrency target));</li>
 *   <li>CPU: ceil(mean CPU in use, in instances / CPU target), when the service model knows CPU;</li>
 *   <li>from zero: one instance as soon as a request arrives (on-demand scaling).</li>
 * </ul>
 * Google does not publish how fast it removes instances, only that idle instances may be kept "up to
 * 15 minutes": the replay keeps each one that long, the highest need of the last 15 minutes (an upper
 * bound on idle cost, never a lower one).
 */
public final class CloudRun implements Autoscaler {
    static final int PERIOD_SECONDS = 5;
    static final int WINDOW_SECONDS = 60;

    private final CloudRunPolicy policy;
    private final MovingMean concurrency = new MovingMean(WINDOW_SECONDS, WINDOW_SECONDS / PERIOD_SECONDS);
    private final MovingMean cpu = new MovingMean(WINDOW_SECONDS, WINDOW_SECONDS / PERIOD_SECONDS);
    private final SlidingExtreme retained;
    private boolean started;

    public CloudRun(CloudRunPolicy policy) {
        this.policy = policy;
        this.retained = new SlidingExtreme(true, policy.idleRetentionSeconds(),
                policy.idleRetentionSeconds() / PERIOD_SECONDS + 1);
    }

    @Override
    public int periodSeconds() {
        return PERIOD_SECONDS;
    }

    /** Request-based billing (the default): an instance is billed while it starts or serves, plus each request. */
    @Override
    public Billing billing() {
        return PlatformBilling.cloudRun(policy);
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        double inFlight = readyReplicas > 0 ? metrics.value(Signal.CONCURRENCY) * readyReplicas
                : metrics.value(Signal.QUEUE_DEPTH);
        concurrency.add(nowSeconds, inFlight);
        cpu.add(nowSeconds, readyReplicas > 0 ? metrics.value(Signal.CPU_UTIL) * readyReplicas : Double.NaN);
        int need = 0;
        double c = concurrency.mean(nowSeconds);
        if (!Double.isNaN(c)) {
            need = ceil(c / (policy.containerConcurrency() * policy.concurrencyTarget()));
        }
        double used = cpu.mean(nowSeconds);
        if (!Double.isNaN(used)) {
            need = Math.max(need, ceil(used / policy.cpuTarget()));
        }
        boolean arriving = metrics.value(Signal.RPS) > 0 || metrics.value(Signal.QUEUE_DEPTH) > 0;
        if (arriving) {
            need = Math.max(need, 1);
        }
        if (!started) {
            // the instances running when the replay starts were needed a moment ago
            started = true;
            retained.push(nowSeconds, currentReplicas);
        }
        int kept = retained.include(nowSeconds, need);
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), kept));
    }

    private static int ceil(double v) {
        return (int) Math.ceil(v - 1e-9);
    }
}
