package dev.scalewise.lint;

import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.sim.Outcome;
import dev.scalewise.yaml.SafeYaml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence-rule contract, with a stand-in rule and source (the real ones come with the replay
 * engine): evidence rules run only with a source, obey the config and suppressions like static rules,
 * and their findings reach every format.
 */
class EvidenceWiringTest {
    private static final String HPA = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: llm
              annotations:
                %s
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
              minReplicas: 2
              maxReplicas: 4
            """;

    /** Reports the breach minutes of every day that spent more than its error budget. */
    static final class BreachRule implements EvidenceRule {
        static final RuleMeta META = new RuleMeta("SW901", "replay-breaches-slo", Severity.WARNING,
                "a replayed estimate on recent traffic, not a property of the config itself",
                "Replaying the policy breaches the SLO", "test", "test", Set.of("HorizontalPodAutoscaler"), List.of());

        @Override
        public RuleMeta meta() {
            return META;
        }

        @Override
        public List<Finding> check(LintContext context, List<PolicyEvidence> evidence) {
            List<Finding> out = new ArrayList<>();
            for (PolicyEvidence e : evidence) {
                long minutes = e.daily().stream().filter(o -> !o.meetsSlo()).mapToLong(Outcome::breachMinutes).sum();
                if (minutes > 0) {
                    out.add(new Finding(META.id(), META.severity(), minutes + " breach minutes",
                            e.manifest().spec().get("maxReplicas").location(), "spec.maxReplicas", e.manifest().ref()));
                }
            }
            return out;
        }
    }

    private static Outcome day(long breachMinutes) {
        double ratio = breachMinutes / 1440.0;
        return new Outcome("llm", "llm", Instant.EPOCH, Instant.EPOCH.plusSeconds(86400), 1e6, 100, "USD", 0.1, 48, 2, 2,
                4, 1440, breachMinutes, ratio, ratio / 0.01, 3, 3, 0, 10, 0.1, 0.5, 0, 0, 0);
    }

    private static LintReport run(String annotation, Optional<EvidenceSource> source, LintConfig config) {
        var docs = SafeYaml.parse("e.yaml", HPA.formatted(annotation).getBytes(StandardCharsets.UTF_8));
        LintContext ctx = new LintContext(docs, config, KubeVersion.DEFAULT, Optional.empty(), PolicyReader::read);
        RuleRegistry registry = RuleRegistry.standard().withEvidenceRules(List.of(new BreachRule()));
        return new Linter(registry).run(ctx, List.of("e.yaml"), source);
    }

    private static final EvidenceSource SOURCE = ctx -> ctx.autoscalers().stream()
            .map(m -> new PolicyEvidence(m, ctx.policy(m).orElseThrow(), ServiceSpec.defaults("llm"),
                    // 30 + 0 + 45 minutes over three days; the middle day meets the SLO.
                    List.of(day(30), day(0), day(45)), Optional.empty(), 6, 300, Optional.empty()))
            .toList();

    @Test
    void evidenceRulesRunOnlyWithASourceAndQuoteTheirNumbers() {
        assertTrue(run("a: b", Optional.empty(), LintConfig.DEFAULT).findings().stream().noneMatch(f -> f.ruleId().equals("SW901")));
        LintReport r = run("a: b", Optional.of(SOURCE), LintConfig.DEFAULT);
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("SW901")).findFirst().orElseThrow();
        assertEquals("75 breach minutes", f.message());
        assertEquals(10, f.location().line());
        assertTrue(r.rules().contains(BreachRule.META));
    }

    @Test
    void evidenceFindingsObeySuppressionsAndExcludes() {
        LintReport suppressed = run("lint.scalewise.dev/ignore: \"SW901 -- known, capacity request OPS-7\"", Optional.of(SOURCE),
                LintConfig.DEFAULT);
        assertTrue(suppressed.findings().stream().noneMatch(f -> f.ruleId().equals("SW901")));
        LintConfig exclude = new LintConfig(Set.of(), Set.of("replay-breaches-slo"), java.util.Map.of(), 2,
                java.util.OptionalInt.empty(), 30, 90, List.of());
        assertTrue(run("a: b", Optional.of(SOURCE), exclude).findings().stream().noneMatch(f -> f.ruleId().equals("SW901")));
    }
}
