/**
 * The static lint rules, one class per rule, each carrying its id, severity, title, rationale and
 * remediation (docs/rules is generated from them), plus small readers of the Kubernetes shapes they
 * share (HPA metrics, pod templates, label selectors). Rules read YAML nodes so that findings point at
 * the offending line, and take normalized values (controller defaults) from the policy model through
 * {@code LintContext.policy}. Never imports Spark, {@code jobs} or {@code cli}.
 */
package dev.scalewise.lint.rules;
