package dev.scalewise.sample;

import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.autoscaler.Autoscalers;
import dev.scalewise.sim.autoscaler.ReplayContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's controller is the documented manifest read back by PolicyReader and replayed by
 * sim.autoscaler.Hpa. The HPA's own rules (proposal, tolerance, unready pods, legacy stabilization and
 * bounds) are tested in sim/autoscaler/HpaTest against upstream rows; here: that the manifest means
 * what the README says, and how it drives a service pinned at its maxReplicas.
 */
class ObservedHpaTest {
    static List<ServiceProfile> profiles() {
        return FleetProfiles.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theManifestReadsBackAsALegacyHpaOnRpsPerReplica(ServiceProfile p) {
        HpaPolicy hpa = SampleManifests.observedHpa(p);
        assertEquals(p.minReplicas(), hpa.minReplicas());
        assertEquals(p.maxReplicas(), hpa.maxReplicas());
        assertTrue(hpa.behavior().isEmpty(), "no behavior: the legacy path");
        assertEquals(0.1, hpa.tolerance()); // kube-controller-manager defaults
        assertEquals(15, hpa.syncPeriodSeconds());
        assertEquals(1, hpa.metrics().size());
        MetricTarget m = hpa.metrics().get(0);
        // SignalMapping: "rps" as a whole word in a Pods AverageValue metric is a per-replica rate
        assertEquals(new MetricTarget(MetricSource.PODS, "rps_per_replica", Signal.RPS_PER_REPLICA,
                TargetType.AVERAGE_VALUE, m.target()), m);
        // the quantity is written in milli-units: 0.7 x capacity rounded to 1/1000
        assertEquals(StrictMath.round(p.targetRpsPerReplica() * 1000) / 1000.0, m.target(), 1e-12);
    }

    /**
     * rerank's manifest (target 42 rps per replica, max 20) meets 672 rps = 16 x 42 on 2 ready pods
     * that start at once. The 60-s adapter window averages the per-replica samples of the syncs so far:
     * t=0:  mean(336) / 42 = 8 -> 16, legacy limit max(2 x 2, 4) = 4;
     * t=15: mean(336, 168) = 252 -> 6 x 4 = 24, limit 8;
     * t=30: mean(336, 168, 84) = 196 -> 4.67 x 8 = 37.3, limit 16;
     * t=45: mean(.., 42) = 157.5 -> 3.75 x 16 = 60, limit min(32, maxReplicas 20) = 20;
     * t=60: the t=0 sample leaves: mean(168, 84, 42, 33.6) = 81.9 -> 39, still 20: pinned at max.
     */
    @Test
    void aSurgeDoublesPerSyncUpToMaxReplicas() {
        ServiceProfile rerank = FleetProfiles.ALL.stream()
                .filter(p -> p.name().equals(FleetProfiles.UNDER_PROVISIONED)).findFirst().orElseThrow();
        Autoscaler hpa = Autoscalers.create(SampleManifests.observedHpa(rerank),
                new ReplayContext(Instant.EPOCH, rerank.startupSeconds()));
        TrueSignals signals = new TrueSignals();
        int current = 2;
        int[] path = new int[5];
        for (int k = 0; k < path.length; k++) {
            signals.set(672, current, 0.5, 672, 100, 0);
            current = hpa.decide(15L * k, current, current, signals);
            path[k] = current;
        }
        assertArrayEquals(new int[] {4, 8, 16, 20, 20}, path);
    }

    @Test
    void perReplicaSignalsAreUnknownWhileNoReplicaIsReady() {
        TrueSignals signals = new TrueSignals();
        signals.set(100, 0, 0, 0, 0, 250);
        assertTrue(Double.isNaN(signals.value(Signal.RPS_PER_REPLICA)));
        assertTrue(Double.isNaN(signals.value(Signal.GPU_UTIL)));
        assertEquals(100, signals.value(Signal.RPS));
        assertEquals(250, signals.value(Signal.QUEUE_DEPTH));
    }
}
