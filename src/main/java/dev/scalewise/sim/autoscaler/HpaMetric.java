package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.MetricsView;

/**
 * One entry of an HPA's {@code metrics}: its metrics pipeline (a windowed mean of the signal, sampled at
 * every sync) and the replica-calculator function its source and target type select.
 *
 * <p>Pipeline windows: Resource metrics come from metrics-server, whose CPU figure is a rate over the
 * kubelet's ~30 s window; every other source goes through a Prometheus adapter whose rules use
 * {@code rate(...[1m])}-style 60 s windows (or scrape a gauge every 15-30 s and serve it as is).
 */
final class HpaMetric {
    static final long RESOURCE_WINDOW_SECONDS = 30;
    static final long ADAPTER_WINDOW_SECONDS = 60;

    /** The replica-calculator function a metric's source and target type select. */
    private enum Shape { VALUE, PER_POD, RESOURCE_UTILIZATION, TOTAL_PER_POD }

    private final Signal signal;
    private final Shape shape;
    private final double target;
    /** Pods metrics count starting pods at the target on a scale-down (see {@link ReplicaCalculator}). */
    private final boolean startingAtTargetOnScaleDown;
    /** Multiplies the signal into the target's units (x100 for 0..1 fractions aimed at in percent). */
    private final double signalScale;
    private final MovingMean samples;

    HpaMetric(MetricTarget metric, int syncPeriodSeconds) {
        this.signal = metric.signal();
        boolean resource = metric.source() == MetricSource.RESOURCE || metric.source() == MetricSource.CONTAINER_RESOURCE;
        this.shape = metric.targetType() == TargetType.VALUE ? Shape.VALUE
                : !signal.perReplica() ? Shape.TOTAL_PER_POD
                : resource && metric.targetType() == TargetType.UTILIZATION ? Shape.RESOURCE_UTILIZATION
                : Shape.PER_POD;
        this.target = metric.target();
        this.startingAtTargetOnScaleDown = metric.source() == MetricSource.PODS;
        long windowSeconds = resource ? RESOURCE_WINDOW_SECONDS : ADAPTER_WINDOW_SECONDS;
        this.signalScale = metric.signalScale();
        this.samples = new MovingMean(windowSeconds, (int) (windowSeconds / Math.max(1, syncPeriodSeconds)) + 2);
    }

    /** Records this sync's sample; called at every decision so the window stays current. */
    void observe(long now, MetricsView metrics) {
        samples.add(now, metrics.value(signal) * signalScale);
    }

    /** The metric's proposal from the windowed value, or {@link ReplicaCalculator#NO_PROPOSAL}. */
    int propose(long now, int currentReplicas, int readyReplicas, Tolerances tolerances) {
        if (shape == Shape.PER_POD) {
            return ReplicaCalculator.perPod(currentReplicas, readyReplicas, samples.meanOver(now, target), tolerances,
                    startingAtTargetOnScaleDown);
        }
        if (shape == Shape.RESOURCE_UTILIZATION) {
            return ReplicaCalculator.resourceUtilization(currentReplicas, readyReplicas, samples.mean(now), target,
                    tolerances);
        }
        if (shape == Shape.VALUE) {
            return ReplicaCalculator.value(currentReplicas, readyReplicas, samples.meanOver(now, target), tolerances);
        }
        return ReplicaCalculator.totalPerPod(currentReplicas, samples.mean(now), target, tolerances);
    }

    /** The windowed value as last seen (for activation checks). */
    double windowed(long now) {
        return samples.mean(now);
    }
}
