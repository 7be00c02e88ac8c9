package dev.scalewise.sample;

import dev.scalewise.calibrate.Calibration;
import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.calibrate.Trust;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.ServiceSpec;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: a synthetic fleet with known truth is trusted. The committed sample's generator serves with a
 * queueing curve, a fluid backlog draining at saturation and its clients' timeouts; the model fitted from its
 * exports, replaying the replicas it ran, reproduces its minutes (rerank: ~1,700 load-driven breach minutes).
 * The LLM server's breach minutes sit near its TTFT threshold, where the token mix's swings within a minute
 * (which the minute's export averages away) decide: there the model and the history share two thirds of them
 * (sample-data/README.md), and the test asks for the half calibrate's own "trusted" asks for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCalibrationTest {
    final List<ServiceSeries> fleet = FleetGenerator.generate(FleetInvariantsTest.SAMPLE);

    List<ServiceSeries> fleet() {
        return fleet;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void theSampleFleetIsTrusted(ServiceSeries s) {
        ServiceHistory h = SampleModelFidelityTest.history(s);
        ServiceProfile p = s.profile();
        ServiceSpec spec = new ServiceSpec(p.name(), p.slo(), OptionalDouble.of(p.startupSeconds()),
                OptionalDouble.of(p.pricePerReplicaHour()), true, OptionalDouble.of(p.timeoutSeconds()))
                .withCapacity(SampleModelFidelityTest.spec(p).capacity());
        Calibration c = Calibrator.calibrate(h, ServiceModelFitter.fit(h, spec), spec);
        System.out.println(p.name() + ": " + c.trust() + ", " + c.reason());
        assertAll(p.name() + ": " + c.reason(),
                () -> assertEquals(Trust.TRUSTED, c.trust()),
                () -> assertTrue(c.typicalLatencyError() < 0.05),
                () -> assertTrue(c.eitherBreachMinutes() == 0
                        || c.bothBreachMinutes() >= (p.llm() == null ? 0.8 : 0.5) * c.eitherBreachMinutes()));
    }
}
