package dev.scalewise.lint;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The settings of {@code .scalewise-lint.yaml} (documented in docs/lint.md), defaults filled in.
 *
 * @param include                 rule ids or names to run; empty = all
 * @param exclude                 rule ids or names never to run
 * @param severity                severity overrides by rule id
 * @param minReplicasFloor        SW103: lowest minReplicas accepted on a serving workload (2)
 * @param maxReplicasCap          SW104: highest maxReplicas accepted; empty = no cap
 * @param utilizationLowPercent   SW112: utilization targets below this waste capacity (30)
 * @param utilizationHighPercent  SW112: targets above this leave no headroom for bursts (90)
 * @param ignorePaths             glob patterns (relative to the working directory) of files not linted
 */
public record LintConfig(Set<String> include, Set<String> exclude, Map<String, Severity> severity,
                         int minReplicasFloor, OptionalInt maxReplicasCap, double utilizationLowPercent,
                         double utilizationHighPercent, List<String> ignorePaths) {
    public static final LintConfig DEFAULT = new LintConfig(Set.of(), Set.of(), Map.of(), 2, OptionalInt.empty(),
            30, 90, List.of());

    public LintConfig {
        include = Set.copyOf(include);
        exclude = Set.copyOf(exclude);
        severity = Map.copyOf(severity);
        ignorePaths = List.copyOf(ignorePaths);
    }

    /** The configured severity of a rule (keys may be ids or names), else its default. */
    public Severity severityOf(RuleMeta rule) {
        return severity.entrySet().stream().filter(e -> rule.matches(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(rule.severity());
    }

    /** Whether the rule runs: named by include (or include empty) and not named by exclude. */
    public boolean enabled(RuleMeta rule) {
        boolean included = include.isEmpty() || include.stream().anyMatch(rule::matches);
        return included && exclude.stream().noneMatch(rule::matches);
    }
}
