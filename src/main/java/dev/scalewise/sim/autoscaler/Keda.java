package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.UpstreamDefaults;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.MetricsView;

import java.util.ArrayList;
import java.util.List;

/**
 * KEDA's ScaledObject, replayed. KEDA owns an HPA for 1..max (its {@code behavior} if given, the
 * standard 15 s sync) and itself, every {@code pollingInterval}, handles activation
 * (kedacore/keda {@code pkg/scaling/executor/scale_scaledobjects.go} {@code RequestScale}):
 * <ul>
 *   <li>at 0 (or idleReplicaCount) with any trigger active (metric > activationThreshold): scale to
 *       max(minReplicaCount, 1);</li>
 *   <li>no trigger active, replicas above 0 and minReplicaCount 0: scale to 0 (or idleReplicaCount) once
 *       {@code lastActiveTime + cooldownPeriod} has passed, and not before initialCooldownPeriod;</li>
 *   <li>no trigger active and below minReplicaCount: back to minReplicaCount.</li>
 * </ul>
 * The HPA does not act at 0 replicas (upstream: scaling disabled when the target has 0 replicas).
 * The replay's start counts as the ScaledObject's creation and as a moment of activity. Fallback only
 * applies to failing scalers, which a replay does not have.
 */
public final class Keda implements Autoscaler {
    private final KedaPolicy policy;
    private final Hpa hpa;
    private final double[] activationThresholds;
    private final int periodSeconds;
    private final int idleReplicas; // -1 when idleReplicaCount is not set
    private long nextPollSeconds = Long.MIN_VALUE;
    private long nextSyncSeconds = Long.MIN_VALUE;
    private long lastActiveSeconds = 0;

    public Keda(KedaPolicy policy) {
        this.policy = policy;
        List<MetricTarget> targets = new ArrayList<>();
        activationThresholds = new double[policy.triggers().size()];
        for (int i = 0; i < activationThresholds.length; i++) {
            KedaPolicy.Trigger t = policy.triggers().get(i);
            targets.add(t.metric());
            activationThresholds[i] = t.activationThreshold();
        }
        this.hpa = new Hpa(new HpaPolicy(policy.meta(), Math.max(1, policy.minReplicas()), policy.maxReplicas(),
                targets, policy.behavior(), UpstreamDefaults.Hpa.TOLERANCE, UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS));
        this.periodSeconds = gcd(policy.pollingIntervalSeconds(), UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS);
        this.idleReplicas = policy.idleReplicaCount().orElse(-1);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? Math.max(1, a) : gcd(b, a % b);
    }

    /** An Azure Container App is billed as Azure bills its workload profile; a ScaledObject's pods for their lifetime. */
    @Override
    public Billing billing() {
        return policy.containerApp().map(p -> PlatformBilling.containerApp(p, policy.minReplicas())).orElse(Billing.LIFETIME);
    }

    /** The gcd of the polling interval and the HPA sync, so both loops run on time. */
    @Override
    public int periodSeconds() {
        return periodSeconds;
    }

    @Override
    public int decide(long nowSeconds, int currentReplicas, int readyReplicas, MetricsView metrics) {
        hpa.observe(nowSeconds, metrics);
        boolean idle = currentReplicas == 0 || currentReplicas == idleReplicas;
        if (nowSeconds >= nextPollSeconds) {
            nextPollSeconds = nowSeconds + policy.pollingIntervalSeconds();
            int activation = requestScale(nowSeconds, currentReplicas, active(nowSeconds));
            if (activation != currentReplicas) {
                return activation;
            }
        }
        if (nowSeconds >= nextSyncSeconds) {
            nextSyncSeconds = nowSeconds + UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS;
            if (!idle) {
                return hpa.decideObserved(nowSeconds, currentReplicas, readyReplicas);
            }
        }
        return currentReplicas;
    }

    /** True when any trigger's metric, as its query shows it, exceeds its activation threshold. */
    boolean active(long now) {
        for (int i = 0; i < activationThresholds.length; i++) {
            double v = hpa.windowedMetric(i, now);
            if (v > activationThresholds[i]) {
                return true;
            }
        }
        return false;
    }

    /** {@code RequestScale}: what KEDA itself does at one poll; the current replicas when nothing. */
    int requestScale(long now, int currentReplicas, boolean active) {
        int min = policy.minReplicas();
        boolean idle = currentReplicas == 0 || currentReplicas == idleReplicas;
        if (active) {
            lastActiveSeconds = now;
            return idle ? Math.max(min, 1) : currentReplicas;
        }
        boolean canIdle = idleReplicas >= 0 ? currentReplicas > idleReplicas : currentReplicas > 0 && min == 0;
        if (canIdle) {
            boolean cooled = lastActiveSeconds + policy.cooldownPeriodSeconds() < now;
            boolean pastInitialCooldown = now >= policy.initialCooldownPeriodSeconds();
            return cooled && pastInitialCooldown ? Math.max(idleReplicas, 0) : currentReplicas;
        }
        if (idleReplicas < 0 && currentReplicas < min) {
            return min;
        }
        return currentReplicas;
    }
}
