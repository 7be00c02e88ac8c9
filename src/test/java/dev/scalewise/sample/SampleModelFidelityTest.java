package dev.scalewise.sample;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.StatedCapacity;
import dev.scalewise.sim.ReplayOptions;
import dev.scalewise.sim.TimelineRow;
import dev.scalewise.policy.Signal;
import dev.scalewise.sim.autoscaler.PolicyReplay;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine against the committed sample's ground truth (issue 4): the model fitted from the exported
 * minutes finds each service's true capacity at its SLO within 10 %, and the project's replay of the
 * HPA that generated the observed replicas (policies/observed-hpa.yaml) tracks the observed replicas.
 * Measured on seed 42, 14 days: see sample-data/README.md for the figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleModelFidelityTest {
    final List<ServiceSeries> fleet = FleetGenerator.generate(FleetInvariantsTest.SAMPLE);

    List<ServiceSeries> fleet() {
        return fleet;
    }

    /** The export's view of a service: what the reader would align from the Parquet files. */
    static ServiceHistory history(ServiceSeries s) {
        double[] requests = Arrays.stream(s.requests()).asDoubleStream().toArray();
        double[] cost = new double[s.steps()];
        Arrays.fill(cost, Double.NaN);
        ServiceHistory h = new ServiceHistory(s.profile().name(), Instant.ofEpochSecond(s.startEpochSecond()),
                s.stepSeconds(), requests, s.readyReplicas(), s.inFlight(), s.queueDepth(), s.p50Ms(), s.p95Ms(),
                s.p99Ms(), s.gpuUtil(), s.cpuUtil(), s.memUtil(), cost, "USD");
        return s.llm() == null ? h : h.withLlm(s.llm());
    }

    /** What services.yaml says of the service; of the LLM server, the prompt-token weight it states. */
    static ServiceSpec spec(ServiceProfile p) {
        ServiceSpec spec = new ServiceSpec(p.name(), p.slo(), OptionalDouble.of(p.startupSeconds()),
                OptionalDouble.of(p.pricePerReplicaHour()), true);
        return p.llm() == null ? spec : spec.withCapacity(new StatedCapacity(Double.NaN, Double.NaN, List.of(),
                Double.NaN, true, p.llm().promptTokenWeight()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void fittedCapacityIsWithinTenPercentOfTheTruth(ServiceSeries s) {
        ServiceModel m = ServiceModelFitter.fit(history(s), spec(s.profile()));
        double truth = s.profile().capacityAtSlo(); // weighted tokens/s for the LLM server (at the mean mix)
        double fitted = m.capacityPerReplica().value();
        System.out.printf("%s: fitted capacity %.2f per replica, true %.2f (%+.1f %%)%n", s.profile().name(), fitted, truth,
                (fitted / truth - 1) * 100);
        assertTrue(Math.abs(fitted / truth - 1) <= 0.10,
                s.profile().name() + ": fitted " + fitted + " rps/replica, true " + truth + " (" + m.capacityPerReplica().note() + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void replayingTheGeneratingHpaTracksTheObservedReplicas(ServiceSeries s) {
        ServiceHistory h = history(s);
        ServiceModel m = ServiceModelFitter.fit(h, spec(s.profile()));
        TimelineRow.Collector timeline = new TimelineRow.Collector();
        PolicyReplay.run(SampleManifests.observedHpa(s.profile()), h, m, spec(s.profile()),
                ReplayOptions.of("observed-hpa").withTimeline(timeline, Signal.RPS_PER_REPLICA));
        // mean ready replicas per data step from the 15 s timeline rows
        double[] replayed = new double[s.steps()];
        for (TimelineRow r : timeline.rows()) {
            int step = (int) (r.secondsSinceStart() / s.stepSeconds());
            if (step < s.steps()) {
                replayed[step] += r.readyReplicas() * 15.0 / s.stepSeconds();
            }
        }
        double observedSum = 0;
        double replayedSum = 0;
        double absDiff = 0;
        for (int i = 0; i < s.steps(); i++) {
            observedSum += s.readyReplicas()[i];
            replayedSum += replayed[i];
            absDiff += Math.abs(replayed[i] - s.readyReplicas()[i]);
        }
        double ratio = replayedSum / observedSum;
        double meanAbsDiff = absDiff / s.steps();
        System.out.printf("%s: replayed/observed replica-minutes %.4f, mean |diff| %.3f replicas%n",
                s.profile().name(), ratio, meanAbsDiff);
        assertTrue(ratio > 0.97 && ratio < 1.03, s.profile().name() + " replayed / observed replica-minutes " + ratio);
        assertTrue(meanAbsDiff < 1.0, s.profile().name() + " mean |diff| " + meanAbsDiff);
    }
}
