package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.PolicySpec;

/**
 * Google Cloud Run knobs of a service's revision template: containerConcurrency (Cloud Run aims at 60 %
 * of it in flight per instance, so the searched load's concurrency is divided by that share), min
 * instances ({@code autoscaling.knative.dev/minScale}) and max instances (maxScale, derived). Cloud Run
 * takes containerConcurrency from 1 to 1000.
 */
final class CloudRunTuner extends Tuner {
    static final int MAX_CONTAINER_CONCURRENCY = 1000;

    private final CloudRunPolicy run;

    CloudRunTuner(CloudRunPolicy run, ServiceModel model, Limits limits) {
        super(run, model, limits);
        this.run = run;
        addTarget(TargetScale.concurrency(model), "containerConcurrency", run.meta().field("containerConcurrency"),
                run.containerConcurrency(), run.concurrencyTarget(), ValueFormat.INT, c -> c <= MAX_CONTAINER_CONCURRENCY);
        addMin(run.minReplicas(), m -> true);
        setMax(run.maxReplicas());
    }

    @Override
    PolicySpec apply(double[] v) {
        CloudRunPolicy r = run;
        int cc = (int) Math.round(valueAt(v, targetIndex, r.containerConcurrency()));
        return new CloudRunPolicy(r.meta(), min(v), maxFor(v), cc, r.concurrencyTarget(), r.cpuTarget(),
                r.cpuAlwaysAllocated(), r.startupCpuBoost(), r.idleRetentionSeconds(), r.shape());
    }
}
