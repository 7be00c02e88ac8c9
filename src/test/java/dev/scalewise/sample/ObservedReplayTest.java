package dev.scalewise.sample;

import dev.scalewise.policy.Signal;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.MetricsView;
import dev.scalewise.sim.autoscaler.Autoscalers;
import dev.scalewise.sim.autoscaler.ReplayContext;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the lead's replay will do, in miniature: replay the documented HPA (policies/observed-hpa.yaml,
 * read back through PolicyReader) from the exported minutes alone (requests per minute / ready pods,
 * nominal start-up, no jitter, no queue) and compare with the observed ready replicas. The generator
 * ran the same controller on its true per-tick signals, so what is left is the export's loss of detail;
 * the README quotes the numbers (replayed / observed replica-minutes within 1 %, mean |diff| < 0.5 replicas).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservedReplayTest {
    final List<ServiceSeries> fleet = FleetGenerator.generate(FleetInvariantsTest.SAMPLE);

    List<ServiceSeries> fleet() {
        return fleet;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void replayingTheDocumentedHpaOnTheExportReproducesTheObservedReplicas(ServiceSeries s) {
        ServiceProfile p = s.profile();
        Autoscaler hpa = Autoscalers.create(SampleManifests.observedHpa(p),
                new ReplayContext(Instant.ofEpochSecond(s.startEpochSecond()), p.startupSeconds()));
        PodSet pods = new PodSet();
        for (int i = 0; i < Math.round(s.readyReplicas()[0]); i++) {
            pods.add(-1);
        }
        int ticksPerStep = s.stepSeconds() / ServiceSimulator.TICK_SECONDS;
        double[] rpsPerReplica = {s.requests()[0] / (double) s.stepSeconds() / pods.size()};
        // the export's view of a minute: its requests spread evenly over its ticks, per ready pod
        MetricsView view = signal -> signal == Signal.RPS_PER_REPLICA ? rpsPerReplica[0] : Double.NaN;
        double observed = 0;
        double replayed = 0;
        double absDiff = 0;
        long tick = 0;
        for (int i = 0; i < s.steps(); i++) {
            double ready = 0;
            for (int k = 0; k < ticksPerStep; k++, tick++) {
                long t = tick * ServiceSimulator.TICK_SECONDS;
                if (t % hpa.periodSeconds() == 0) {
                    int desired = hpa.decide(t, pods.size(), pods.readyAt(t), view);
                    pods.shrinkTo(desired);
                    while (pods.size() < desired) {
                        pods.add(t + p.startupSeconds());
                    }
                }
                int readyNow = pods.readyAt(t);
                ready += readyNow;
                rpsPerReplica[0] = readyNow == 0 ? Double.NaN : s.requests()[i] / (double) s.stepSeconds() / readyNow;
            }
            ready /= ticksPerStep;
            observed += s.readyReplicas()[i];
            replayed += ready;
            absDiff += Math.abs(ready - s.readyReplicas()[i]);
        }
        double ratio = replayed / observed;
        double meanAbsDiff = absDiff / s.steps();
        assertTrue(ratio > 0.99 && ratio < 1.01, p.name() + " replayed / observed replica-minutes " + ratio);
        assertTrue(meanAbsDiff < 0.5, p.name() + " mean |diff| " + meanAbsDiff);
    }
}
