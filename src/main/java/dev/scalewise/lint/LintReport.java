package dev.scalewise.lint;

import java.util.List;

/**
 * The result of one run, as every output format consumes it.
 *
 * @param findings   reported findings (suppressed ones removed), in {@link Finding#ORDER}
 * @param rules      the rules that ran, by id
 * @param checks     every rule x object pair that was checked (JUnit's test cases)
 * @param sources    the files (or "-") that were read
 * @param suppressed findings hidden by a suppression with a reason
 */
public record LintReport(List<Finding> findings, List<RuleMeta> rules, List<Check> checks, List<String> sources,
                         int suppressed) {
    public LintReport {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        checks = List.copyOf(checks);
        sources = List.copyOf(sources);
    }

    /** One rule applied to one object. */
    public record Check(RuleMeta rule, ObjectRef object) {
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** True when some finding is at or above {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public List<Finding> findingsOf(Check c) {
        return findings.stream().filter(f -> f.ruleId().equals(c.rule().id()) && f.object().equals(c.object())).toList();
    }
}
