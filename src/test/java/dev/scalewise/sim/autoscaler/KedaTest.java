package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static dev.scalewise.sim.autoscaler.Fixtures.rpsAverageValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * KEDA activation and cooldown (kedacore/keda pkg/scaling/executor/scale_scaledobjects.go RequestScale,
 * and the ScaledObject spec docs: pollingInterval 30, cooldownPeriod 300, minReplicaCount 0).
 */
class KedaTest {
    static KedaPolicy keda(int min, int max, double activation, OptionalInt idle) {
        return new KedaPolicy(meta("keda"), min, max, 30, 300, 0, idle, Optional.empty(),
                List.of(new KedaPolicy.Trigger("prometheus", rpsAverageValue(10), activation, "sum(rate(x[1m]))")),
                Optional.empty());
    }

    @ParameterizedTest(name = "at {0} replicas, rps {1} vs activation {2} -> {3}")
    @CsvSource({
            "0, 3,  5, 0",   // below activation: stays at zero
            "0, 10, 5, 1",   // above: 0 -> max(minReplicaCount, 1)
            "0, 0.5, 0, 1",  // default activation 0: any traffic activates
            "0, 0,  0, 0",   // no traffic, nothing to do
    })
    void activationFromZero(int current, double rps, double activation, int expected) {
        Keda keda = new Keda(keda(0, 10, activation, OptionalInt.empty()));
        assertEquals(expected, keda.decide(0, current, 0, new Fixtures.Metrics().set(Signal.RPS, rps)));
    }

    @Test
    void activationFromZeroHonoursMinReplicaCount() {
        Keda keda = new Keda(keda(3, 10, 0, OptionalInt.of(0)));
        assertEquals(3, keda.decide(0, 0, 0, new Fixtures.Metrics().set(Signal.RPS, 1)));
    }

    /**
     * 2 replicas serving 5 rps until t = 0, then nothing. The trigger's query is a 60 s rate, so at the
     * t = 30 poll the window (−30, 30] still holds the t = 0 sample: mean(5, 0, 0) > 0, active, lastActive 30.
     * From t = 60 the window is empty of traffic. Cooldown 300: lastActive + 300 < t first holds at the
     * t = 360 poll -> 0. Meanwhile the HPA (min 1) brings 2 down to 1 ... but never to 0.
     */
    @Test
    void cooldownToZero() {
        Keda keda = new Keda(keda(0, 10, 0, OptionalInt.empty()));
        assertEquals(15, keda.periodSeconds()); // gcd(30, 15)
        Fixtures.Metrics m = new Fixtures.Metrics();
        int replicas = 2;
        int at330 = -1;
        for (long t = 0; t <= 360; t += 15) {
            m.set(Signal.RPS, t == 0 ? 5 : 0);
            replicas = keda.decide(t, replicas, replicas, m);
            if (t == 330) {
                at330 = replicas;
            }
        }
        assertEquals(1, at330);
        assertEquals(0, replicas);
    }

    @Test
    void theHpaScalesBetweenOneAndMax() {
        Keda keda = new Keda(keda(0, 10, 0, OptionalInt.empty()));
        // 80 rps / 10 per pod = 8 wanted; legacy scale-up limit max(2 x 2, 4) = 4
        assertEquals(4, keda.decide(0, 2, 2, new Fixtures.Metrics().set(Signal.RPS, 80)));
    }
}
