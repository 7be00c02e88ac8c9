package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintConfig;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SW702 on a stated model worked out by hand: latency 100 ms at no load rising to 1000 ms at 10 rps per instance
 * (100 + 90 x ms at x rps), a p95 SLO of 550 ms, so one instance serves 5 rps within it (100 + 90 x 5 = 550) with
 * 5 x 0.55 s = 2.75 requests in flight (Little's law): containerConcurrency 3 is above that, 2 is not.
 */
class CloudRunConcurrencyAboveSloTest {
    static final Slo SLO = new Slo(Slo.Percentile.P95, 550, 0.99);
    static final ServiceModel MODEL = ServiceModel.stated("chat", new LatencyCurve(0, 10, new double[] {100, 1000}, 20),
            SLO, 60, 1);
    static final ServiceSpec SERVICE = new ServiceSpec("chat", SLO, OptionalDouble.of(60), OptionalDouble.empty(), true);
    static final int CC_LINE = 14;

    static String service(int containerConcurrency) {
        return """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: chat
                  labels:
                    cloud.googleapis.com/location: us-central1
                spec:
                  template:
                    metadata:
                      annotations:
                        autoscaling.knative.dev/minScale: '1'
                        autoscaling.knative.dev/maxScale: '20'
                    spec:
                      containerConcurrency: %d
                """.formatted(containerConcurrency);
    }

    static List<Finding> lint(String yaml, Optional<ServiceModel> model) {
        LintContext ctx = new LintContext(SafeYaml.parse("run.yaml", yaml.getBytes(StandardCharsets.UTF_8)), LintConfig.DEFAULT,
                KubeVersion.DEFAULT, Optional.empty(), PolicyReader::read);
        Manifest m = ctx.manifests().get(0);
        PolicyEvidence e = new PolicyEvidence(m, PolicyReader.read(m.doc()).orElseThrow(), SERVICE, List.of(), Optional.empty(),
                1, 0, model);
        return new CloudRunConcurrencyAboveSlo().check(ctx, List.of(e));
    }

    @Test
    void aConcurrencyAboveWhatAnInstanceServesWithinTheSloIsFlaggedAtItsLine() {
        List<Finding> found = lint(service(3), Optional.of(MODEL));
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals("SW702", f.ruleId());
        assertEquals(CC_LINE, f.location().line());
        assertTrue(f.message().contains("containerConcurrency 3 lets one instance take 3 requests at once, but it holds"
                + " the p95 SLO of 550 ms only up to about 2.75 in flight (capacity 5 rps per instance, stated; in flight"
                + " Little's law): at most 2 would keep a burst within the SLO"), f.message());
    }

    @Test
    void aConcurrencyWithinWhatAnInstanceServesPasses() {
        assertEquals(List.of(), lint(service(2), Optional.of(MODEL)));
    }

    /** From a nightly backtest's results there is no model: nothing to judge by, so nothing is said. */
    @Test
    void withoutAModelTheRuleIsSilent() {
        assertEquals(List.of(), lint(service(80), Optional.empty()));
    }

    /** History that never reached the SLO's limit shows only that an instance serves at least so much. */
    @Test
    void aCapacityThatIsOnlyALowerBoundIsNoGround() {
        ServiceModel m = MODEL;
        ServiceModel bound = new ServiceModel(m.service(), m.latency(), m.percentile(),
                Fitted.lowerBound(5, 100, "latency never rose with load"), m.saturationPerReplica(),
                m.busiestLoadPerReplica(), m.gpuUtil(), m.cpuUtil(), m.memUtil(), m.concurrency(), m.queueDepth(),
                m.startupSeconds(), m.pricePerReplicaHour(), m.currency(), m.work(), m.more(), m.llmSignals());
        assertEquals(List.of(), lint(service(80), Optional.of(bound)));
    }
}
