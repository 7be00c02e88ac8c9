package dev.scalewise.lint;

import dev.scalewise.lint.rules.EvidenceRules;
import dev.scalewise.lint.rules.StandardRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule a run can use, by id and name: the static rules, evidence rules and the engine's own. */
public final class RuleRegistry {
    private final List<LintRule> staticRules;
    private final List<EvidenceRule> evidenceRules;
    private final List<RuleMeta> all;

    public RuleRegistry(List<LintRule> staticRules, List<EvidenceRule> evidenceRules) {
        this.staticRules = List.copyOf(staticRules);
        this.evidenceRules = List.copyOf(evidenceRules);
        List<RuleMeta> metas = new ArrayList<>(List.of(Suppressions.MISSING_REASON, Suppressions.UNKNOWN_RULE));
        staticRules.forEach(r -> metas.add(r.meta()));
        evidenceRules.forEach(r -> metas.add(r.meta()));
        metas.sort(Comparator.comparing(RuleMeta::id));
        this.all = List.copyOf(metas);
        List<String> seen = new ArrayList<>();
        for (RuleMeta m : all()) {
            if (seen.contains(m.id()) || seen.contains(m.name())) {
                throw new IllegalStateException("duplicate rule id or name: " + m.id() + " " + m.name());
            }
            seen.add(m.id());
            seen.add(m.name());
        }
    }

    /** The built-in rules; the evidence rules among them run only when a run has evidence. */
    public static RuleRegistry standard() {
        return new RuleRegistry(StandardRules.all(), EvidenceRules.all());
    }

    public RuleRegistry withEvidenceRules(List<EvidenceRule> rules) {
        return new RuleRegistry(staticRules, rules);
    }

    public List<LintRule> staticRules() {
        return staticRules;
    }

    public List<EvidenceRule> evidenceRules() {
        return evidenceRules;
    }

    /** Every rule's metadata, ordered by id. */
    public List<RuleMeta> all() {
        return all;
    }

    public Optional<RuleMeta> find(String idOrName) {
        return all().stream().filter(m -> m.matches(idOrName.trim())).findFirst();
    }
}
