package dev.scalewise.lint;

import dev.scalewise.lint.rules.StandardRules;
import dev.scalewise.yaml.YamlError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the enabled rules over a context, applies severity overrides and suppressions, and collects the
 * rule x object checks for the reports.
 */
public final class Linter {
    private final RuleRegistry registry;

    public Linter(RuleRegistry registry) {
        this.registry = registry;
    }

    public LintReport run(LintContext ctx, List<String> sources, Optional<EvidenceSource> evidenceSource) {
        LintConfig config = ctx.config();
        List<RuleMeta> ran = new ArrayList<>();
        List<Finding> raw = new ArrayList<>();
        for (LintRule rule : registry.staticRules()) {
            if (config.enabled(rule.meta())) {
                ran.add(rule.meta());
                raw.addAll(check(rule, ctx));
            }
        }
        if (evidenceSource.isPresent()) {
            List<PolicyEvidence> evidence = evidenceSource.get().evidence(ctx);
            for (EvidenceRule rule : registry.evidenceRules()) {
                if (config.enabled(rule.meta())) {
                    ran.add(rule.meta());
                    raw.addAll(rule.check(ctx, evidence));
                }
            }
        }

        Map<ObjectRef, Suppressions.Suppression> suppressions = new HashMap<>();
        List<Finding> kept = new ArrayList<>();
        for (Manifest m : ctx.manifests()) {
            // Problems of a suppression itself cannot be suppressed (the annotation would hide itself).
            Suppressions.of(m).ifPresent(s -> {
                suppressions.put(m.ref(), s);
                kept.addAll(Suppressions.problems(m, s, registry));
            });
        }
        int suppressed = 0;
        for (Finding f : raw) {
            Suppressions.Suppression s = suppressions.get(f.object());
            if (s != null && s.covers(registry.find(f.ruleId()).orElseThrow())) {
                suppressed++;
            } else {
                kept.add(f);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : kept) {
            RuleMeta rule = registry.find(f.ruleId()).orElseThrow();
            if (!config.enabled(rule)) {
                continue;
            }
            // A rule may lower a finding's severity (SW108: deprecated is a warning, removed an error);
            // a configured override replaces whatever the rule chose.
            boolean overridden = config.severity().keySet().stream().anyMatch(rule::matches);
            findings.add(overridden ? f.withSeverity(config.severityOf(rule)) : f);
        }
        // the policy model stops at an object's first problem: when a specific error rule reports the object,
        // SW003 would only repeat it in other words
        Set<ObjectRef> explained = new HashSet<>();
        findings.stream().filter(f -> f.severity() == Severity.ERROR && !f.ruleId().equals(StandardRules.INVALID_AUTOSCALER))
                .forEach(f -> explained.add(f.object()));
        findings.removeIf(f -> f.ruleId().equals(StandardRules.INVALID_AUTOSCALER) && explained.contains(f.object()));
        for (RuleMeta meta : List.of(Suppressions.MISSING_REASON, Suppressions.UNKNOWN_RULE)) {
            if (config.enabled(meta)) {
                ran.add(meta);
            }
        }
        // Two autoscalers over one workload may both find the same problem in it; report it once.
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(Finding.ORDER);
        ran.sort(Comparator.comparing(RuleMeta::id));
        return new LintReport(unique, ran, checks(ran, ctx, unique, suppressions.keySet()), sources, suppressed);
    }

    /** A rule's findings; when it cannot parse an object the policy model calls invalid, on the other objects. */
    private static List<Finding> check(LintRule rule, LintContext ctx) {
        try {
            return rule.check(ctx);
        } catch (YamlError e) {
            return rule.check(ctx.withoutInvalid());
        }
    }

    /**
     * Each rule x object in the rule's scope, plus any object a rule reported on outside its scope
     * (SW107 reports on the Deployment an HPA targets). The suppression rules check only the objects that
     * carry a suppression.
     */
    private static List<LintReport.Check> checks(List<RuleMeta> ran, LintContext ctx, List<Finding> findings,
                                                 Set<ObjectRef> annotated) {
        List<LintReport.Check> out = new ArrayList<>();
        for (RuleMeta rule : ran) {
            Set<ObjectRef> objects = new LinkedHashSet<>();
            boolean suppressionRule = rule.equals(Suppressions.MISSING_REASON) || rule.equals(Suppressions.UNKNOWN_RULE);
            for (Manifest m : ctx.manifests()) {
                if (suppressionRule ? annotated.contains(m.ref()) : rule.covers(m.apiVersion(), m.kind())) {
                    objects.add(m.ref());
                }
            }
            findings.stream().filter(f -> f.ruleId().equals(rule.id())).forEach(f -> objects.add(f.object()));
            objects.forEach(o -> out.add(new LintReport.Check(rule, o)));
        }
        return out;
    }
}
