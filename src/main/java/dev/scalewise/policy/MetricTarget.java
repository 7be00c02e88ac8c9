package dev.scalewise.policy;

/**
 * One entry of an HPA's (or KEDA trigger's) metrics, mapped onto a simulated signal.
 *
 * @param source      Resource, ContainerResource, Pods, Object or External
 * @param metricName  the metric's name as written (cpu, DCGM_FI_DEV_GPU_UTIL, a Prometheus query name)
 * @param signal      the simulated signal it stands for
 * @param targetType  Utilization, AverageValue or Value
 * @param target      the target as written: percent for Utilization (80 = 80 %), otherwise the
 *                    metric's own units (per pod for AverageValue, total for Value)
 */
public record MetricTarget(MetricSource source, String metricName, Signal signal, TargetType targetType,
                           double target) {
    /**
     * What the simulated signal is multiplied by to be in the target's units. The util signals are
     * fractions 0..1; a Utilization target is a percent, and so is an AverageValue or Value target above 1
     * on them (DCGM_FI_DEV_GPU_UTIL is exported in percent). A manifest states no unit, so "a target above
     * 1 means percent" is the rule, the one both the replayed HPA and the recommender's target search use.
     */
    public double signalScale() {
        if (!signal.fraction()) {
            return 1;
        }
        return targetType == TargetType.UTILIZATION || target > 1 ? 100 : 1;
    }

    public enum MetricSource { RESOURCE, CONTAINER_RESOURCE, PODS, OBJECT, EXTERNAL }

    public enum TargetType { UTILIZATION, AVERAGE_VALUE, VALUE }
}
