/**
 * CI lint of autoscaling manifests: the rule contract ({@link dev.scalewise.lint.LintRule}, and
 * {@link dev.scalewise.lint.EvidenceRule} for rules that need replayed outcomes), the registry, the
 * lint context (every YAML document of a run, indexed by kind and name), configuration from
 * {@code .scalewise-lint.yaml}, inline suppressions and the engine that runs the rules. Rules live in
 * {@code lint.rules}, output formats in {@code lint.format}. Pure Java: never imports Spark, {@code jobs}
 * or {@code cli}, so static lint answers in a fraction of a second.
 */
package dev.scalewise.lint;
