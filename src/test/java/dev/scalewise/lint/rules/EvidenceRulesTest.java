package dev.scalewise.lint.rules;

import dev.scalewise.lint.EvidenceRule;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintConfig;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.sim.Outcome;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each evidence rule on a failing and a passing replay: id, severity, line and the numbers quoted. */
class EvidenceRulesTest {
    private static final String HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: llm
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
              minReplicas: 2
              maxReplicas: 4
              metrics:
                - type: Pods
                  pods: {metric: {name: rps_per_replica}, target: {type: AverageValue, averageValue: "10"}}
            """;
    static final int SPEC_LINE = 5;
    static final int MAX_LINE = 8;
    static final ServiceSpec SERVICE = new ServiceSpec("llm", new Slo(Slo.Percentile.P95, 500, 0.99),
            OptionalDouble.of(120), OptionalDouble.of(1), true);

    /** One judged day: 1440 SLO minutes; cost 100 of which idleCost is idle; mean replicas as given. */
    static Outcome day(long breachMinutes, double idleCost, double meanReplicas) {
        double ratio = breachMinutes / 1440.0;
        return new Outcome("llm", "llm", Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400), 1e6, 100, "USD", 0.1,
                meanReplicas * 24, meanReplicas, meanReplicas, meanReplicas, 1440, breachMinutes, ratio, ratio / 0.01,
                3, 3, 0, idleCost, idleCost / 100, Double.NaN, 0, 0, 0);
    }

    record Case(String rule, Function<Manifest, PolicyEvidence> evidence, boolean fires, int line, String quote) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // budget = 1 % of 3 x 1440 = 43.2 minutes; 100 minutes spend 100 / 4320 / 0.01 = 2.31x of it
                Arguments.of(new Case("SW901", m -> ev(m, List.of(day(60, 0, 3), day(0, 0, 3), day(40, 0, 3)), 4, 0),
                        true, SPEC_LINE, "for 100 minutes, 2.31x of the error budget")),
                Arguments.of(new Case("SW901", m -> ev(m, List.of(day(20, 0, 3), day(0, 0, 3), day(20, 0, 3)), 4, 0),
                        false, 0, "")),
                // the peak needed 6 replicas, maxReplicas is 4: pointed at maxReplicas
                Arguments.of(new Case("SW902", m -> ev(m, List.of(day(0, 0, 3)), 6, 0), true, MAX_LINE,
                        "needed 6 replicas at the SLO, but maxReplicas is 4")),
                Arguments.of(new Case("SW902", m -> ev(m, List.of(day(0, 0, 3)), 4, 0), false, 0, "")),
                // 60 of 100 USD idle at a mean of 2.1 replicas (within 10 % of minReplicas 2): pinned at min
                Arguments.of(new Case("SW903", m -> ev(m, List.of(day(0, 60, 2.1)), 2, 0), true, SPEC_LINE,
                        "60 % of the cost (60 of 100 USD) buys capacity above demand; replicas sat at about minReplicas 2")),
                Arguments.of(new Case("SW903", m -> ev(m, List.of(day(0, 30, 2.1)), 2, 0), false, 0, "")),
                // 900 s behind demand with a 120 s startup: over the 120 s + 120 s slack
                Arguments.of(new Case("SW904", m -> ev(m, List.of(day(0, 0, 3)), 4, 900), true, SPEC_LINE,
                        "took 900 s to reach the replicas demand needed; startup is 120 s")),
                Arguments.of(new Case("SW904", m -> ev(m, List.of(day(0, 0, 3)), 4, 200), false, 0, "")));
    }

    static PolicyEvidence ev(Manifest m, List<Outcome> days, int peakNeed, double rampSeconds) {
        return new PolicyEvidence(m, PolicyReader.read(m.doc()).orElseThrow(), SERVICE, days, Optional.empty(), peakNeed,
                rampSeconds, Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleOnReplayedEvidence(Case c) {
        var docs = SafeYaml.parse("e.yaml", HPA.getBytes(StandardCharsets.UTF_8));
        LintContext ctx = new LintContext(docs, LintConfig.DEFAULT, KubeVersion.DEFAULT, Optional.empty(),
                PolicyReader::read);
        Manifest m = ctx.autoscalers().get(0);
        EvidenceRule rule = EvidenceRules.all().stream().filter(r -> r.meta().id().equals(c.rule())).findFirst()
                .orElseThrow();
        List<Finding> found = rule.check(ctx, List.of(c.evidence().apply(m)));
        if (!c.fires()) {
            assertEquals(List.of(), found);
            return;
        }
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(c.rule(), f.ruleId());
        assertEquals(rule.meta().severity(), f.severity());
        assertEquals(c.line(), f.location().line());
        assertTrue(f.message().contains(c.quote()), f.message());
    }
}
