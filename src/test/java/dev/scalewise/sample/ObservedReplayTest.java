package dev.scalewise.sample;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the lead's replay will do, in miniature: replay the documented HPA (policies/observed-hpa.yaml)
 * from the exported minutes alone (requests per minute, nominal start-up, no jitter, no queue) and
 * compare with the observed ready replicas. If the data and the documented policy agree, the replay
 * lands within a few percent; the README quotes the numbers (within 1 %, mean |diff| <= 0.35 replicas).
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
        HpaLegacyController hpa = new HpaLegacyController(HpaLegacyController.Params.defaults(
                p.minReplicas(), p.maxReplicas(), p.targetRpsPerReplica()));
        PodSet pods = new PodSet();
        for (int i = 0; i < Math.round(s.readyReplicas()[0]); i++) {
            pods.add(-1);
        }
        int ticksPerStep = s.stepSeconds() / ServiceSimulator.TICK_SECONDS;
        double[] window = new double[4]; // completions of the last four 15-s ticks
        Arrays.fill(window, s.requests()[0] / (double) ticksPerStep);
        double observed = 0;
        double replayed = 0;
        double absDiff = 0;
        long tick = 0;
        for (int i = 0; i < s.steps(); i++) {
            double ready = 0;
            for (int k = 0; k < ticksPerStep; k++, tick++) {
                long t = tick * ServiceSimulator.TICK_SECONDS;
                int desired = hpa.decide(t, pods.size(), pods.readyAt(t), Arrays.stream(window).sum() / 60);
                pods.shrinkTo(desired);
                while (pods.size() < desired) {
                    pods.add(t + p.startupSeconds());
                }
                ready += pods.readyAt(t);
                window[(int) (tick % 4)] = s.requests()[i] / (double) ticksPerStep;
            }
            ready /= ticksPerStep;
            observed += s.readyReplicas()[i];
            replayed += ready;
            absDiff += Math.abs(ready - s.readyReplicas()[i]);
        }
        double ratio = replayed / observed;
        assertTrue(ratio > 0.98 && ratio < 1.02, p.name() + " replayed / observed replica-minutes " + ratio);
        assertTrue(absDiff / s.steps() < 0.5, p.name() + " mean |diff| " + absDiff / s.steps());
    }
}
