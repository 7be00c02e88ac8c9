package dev.scalewise.lint;

import java.util.List;

/**
 * A static rule: looks at the manifests of one run (and services.yaml when given) and reports findings
 * located at the offending YAML node. A rule is stateless; one instance serves every run.
 */
public interface LintRule {
    RuleMeta meta();

    List<Finding> check(LintContext context);
}
