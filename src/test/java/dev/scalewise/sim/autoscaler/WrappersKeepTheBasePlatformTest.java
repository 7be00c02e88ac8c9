package dev.scalewise.sim.autoscaler;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PredictivePolicy;
import dev.scalewise.policy.PredictivePolicy.Seasonality;
import dev.scalewise.policy.ScheduledPolicy;
import dev.scalewise.policy.ScheduledPolicy.Window;
import dev.scalewise.sim.Autoscaler;
import dev.scalewise.sim.Billing;
import dev.scalewise.sim.OnDemand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static dev.scalewise.sim.autoscaler.Fixtures.meta;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A scheduled or predictive policy decides how many replicas its base runs, not where they run: over a
 * Cloud Run service billed per request or a Lambda function with provisioned concurrency, the replay must
 * still bill and spill as that platform does (the wrappers once fell back to Kubernetes' lifetime billing
 * and queueing).
 */
class WrappersKeepTheBasePlatformTest {
    static final ReplayContext CTX = new ReplayContext(Instant.EPOCH, 60);

    static Stream<PolicySpec> bases() {
        return Stream.of(CloudRunTest.run(0, 10), LambdaProvisionedConcurrencyTest.provisioned(1, 10));
    }

    @ParameterizedTest
    @MethodSource("bases")
    void scheduledAndPredictiveBillAndServeAsTheirBase(PolicySpec base) {
        Autoscaler alone = Autoscalers.create(base, CTX);
        // each base bills or spills otherwise than Kubernetes, or the test would pass on the defaults
        assertFalse(alone.billing().equals(Billing.LIFETIME) && alone.onDemand().equals(OnDemand.NONE));
        Autoscaler scheduled = Autoscalers.create(new ScheduledPolicy(meta("sched"), base, ZoneOffset.UTC,
                List.of(new Window("day", "0 8 * * *", 3600, 2, Window.Mode.MIN))), CTX);
        Autoscaler predictive = Autoscalers.create(new PredictivePolicy(meta("pred"), base, 10, 600, Seasonality.DAILY,
                0.2, 7), CTX);
        for (Autoscaler wrapper : List.of(scheduled, predictive)) {
            assertEquals(alone.billing(), wrapper.billing());
            assertEquals(alone.onDemand(), wrapper.onDemand());
        }
    }
}
