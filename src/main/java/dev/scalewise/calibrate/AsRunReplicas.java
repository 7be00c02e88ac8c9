package dev.scalewise.calibrate;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

/**
 * Not a controller: asks, at every data step, for the ready replicas the history shows there (rounded;
 * a step with unknown replicas keeps the last ask), so a replay with no startup time serves each step with
 * the replicas that really served it.
 */
final class AsRunReplicas implements Autoscaler {
    private final double[] replicas;
    private final int stepSeconds;
    private int last;

    AsRunReplicas(ServiceHistory h) {
        this.replicas = h.replicas();
        this.stepSeconds = h.stepSeconds();
        this.last = initial(h);
    }

    /** The first known replicas, rounded (0 when none is known). */
    static int initial(ServiceHistory h) {
        for (double r : h.replicas()) {
            if (Double.isFinite(r)) {
                return (int) Math.max(0, Math.round(r));
            }
        }
        return 0;
    }

    @Override
    public int periodSeconds() {
        return stepSeconds;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        long step = nowSeconds / stepSeconds;
        if (step < replicas.length && Double.isFinite(replicas[(int) step])) {
            last = (int) Math.max(0, Math.round(replicas[(int) step]));
        }
        return last;
    }
}
