package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.Behavior;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.UpstreamDefaults;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;

import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' HorizontalPodAutoscaler, replayed ({@code horizontal.go} {@code reconcileAutoscaler}):
 * per-metric proposals ({@link ReplicaCalculator}), the largest wins; then either the legacy path
 * (300 s downscale stabilization, scale-up capped at max(2x, 4)) or the behavior path (both stabilization
 * windows, rate-limit policies, selectPolicy); then [min, max]. Every 15 s by default.
 */
public final class Hpa implements Autoscaler {
    private final int minReplicas;
    private final int maxReplicas;
    private final int syncPeriodSeconds;
    private final HpaMetric[] metrics;
    /** The only metric, when there is one (most HPAs): decided without a loop, which C2 compiles smaller. */
    private final HpaMetric single;
    private final Optional<Behavior> behavior;
    private final Tolerances tolerances;
    private final Stabilizer stabilizer;
    private final RateLimiter rateLimiter;
    private boolean reconciled;

    public Hpa(HpaPolicy policy) {
        this.minReplicas = policy.minReplicas();
        this.maxReplicas = policy.maxReplicas();
        this.syncPeriodSeconds = policy.syncPeriodSeconds();
        List<MetricTarget> targets = policy.metrics();
        this.metrics = new HpaMetric[targets.size()];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = new HpaMetric(targets.get(i), syncPeriodSeconds);
        }
        this.single = metrics.length == 1 ? metrics[0] : null;
        this.behavior = policy.behavior();
        this.tolerances = behavior
                .map(b -> new Tolerances(b.scaleDown().tolerance(), b.scaleUp().tolerance()))
                .orElse(Tolerances.both(policy.tolerance()));
        this.stabilizer = behavior
                .map(b -> Stabilizer.withBehavior(b.scaleUp().stabilizationWindowSeconds(),
                        b.scaleDown().stabilizationWindowSeconds(), syncPeriodSeconds))
                .orElse(Stabilizer.legacy(UpstreamDefaults.Hpa.SCALE_DOWN_WINDOW_SECONDS, syncPeriodSeconds));
        this.rateLimiter = behavior.map(b -> new RateLimiter(b.scaleUp(), b.scaleDown(), syncPeriodSeconds))
                .orElse(null); // the legacy path has no rate-limit policies
    }

    @Override
    public int periodSeconds() {
        return syncPeriodSeconds;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView view) {
        observe(nowSeconds, view);
        return decideObserved(nowSeconds, currentReplicas, readyReplicas);
    }

    /** Feeds every metric's pipeline with this instant's signals. */
    void observe(long nowSeconds, MetricsView view) {
        if (single != null) {
            single.observe(nowSeconds, view);
            return;
        }
        for (HpaMetric m : metrics) {
            m.observe(nowSeconds, view);
        }
    }

    /** One reconcile on the metrics already observed (KEDA observes at every poll, reconciles every sync). */
    int decideObserved(long nowSeconds, int currentReplicas, int readyReplicas) {
        if (!reconciled) {
            // recordInitialRecommendation: the first reconcile remembers the replicas it found, so a restarted
            // (or, here, a replayed) HPA does not scale down before its window has seen a recommendation
            reconciled = true;
            stabilizer.record(nowSeconds, currentReplicas);
        }
        int desired;
        if (currentReplicas == 0 && minReplicas != 0) {
            return 0; // upstream: "scaling is disabled since the replica count of the target is zero"
        } else if (currentReplicas > maxReplicas) {
            desired = maxReplicas;
        } else if (currentReplicas < minReplicas) {
            desired = minReplicas;
        } else {
            int proposal = propose(nowSeconds, currentReplicas, readyReplicas);
            if (proposal == ReplicaCalculator.NO_PROPOSAL) {
                return currentReplicas; // reconcile fails: nothing changes, nothing is recorded
            }
            desired = normalize(nowSeconds, currentReplicas, proposal);
        }
        if (behavior.isPresent()) {
            rateLimiter.recordScale(nowSeconds, currentReplicas, desired);
        }
        return desired;
    }

    /**
     * {@code computeReplicasForMetrics}: the largest proposal; none when every metric failed, or when some
     * failed and the others would scale down (upstream refuses to scale down on partial data).
     */
    int propose(long now, int currentReplicas, int readyReplicas) {
        if (single != null) {
            return single.propose(now, currentReplicas, readyReplicas, tolerances); // the loop's answer for one
        }
        int best = 0;
        int invalid = 0;
        for (HpaMetric m : metrics) {
            int p = m.propose(now, currentReplicas, readyReplicas, tolerances);
            if (p == ReplicaCalculator.NO_PROPOSAL) {
                invalid++;
            } else {
                best = Math.max(best, p);
            }
        }
        if (invalid >= metrics.length || (invalid > 0 && best < currentReplicas)) {
            return ReplicaCalculator.NO_PROPOSAL;
        }
        return best;
    }

    /** {@code normalizeDesiredReplicas} or {@code normalizeDesiredReplicasWithBehaviors}. */
    int normalize(long now, int currentReplicas, int proposal) {
        int stabilized = stabilizer.stabilize(now, proposal, currentReplicas);
        if (behavior.isEmpty()) {
            return RateLimiter.legacyBounds(currentReplicas, stabilized, minReplicas, maxReplicas);
        }
        return rateLimiter.limit(now, currentReplicas, stabilized, minReplicas, maxReplicas);
    }

    /** The windowed value of the i-th metric, in the target's units (KEDA's activation check reads it). */
    double windowedMetric(int i, long now) {
        return metrics[i].windowed(now);
    }
}
