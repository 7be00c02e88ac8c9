package dev.scalewise.lint;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates docs/rules/ from the rules' metadata: one page per rule and an index. RuleDocsTest fails
 * when the committed pages differ from what this produces, so the docs cannot drift from the code;
 * regenerate with {@code mvn -o -q test -Dtest=RuleDocsTest -Dscalewise.writeRuleDocs=true}.
 */
public final class RuleDocs {
    private RuleDocs() {
    }

    /** File name to content, for every rule page and the index (README.md). */
    public static Map<String, String> generate(RuleRegistry registry) {
        Map<String, String> out = new TreeMap<>();
        for (RuleMeta m : registry.all()) {
            out.put(m.id() + ".md", page(m));
        }
        out.put("README.md", index(registry.all()));
        return out;
    }

    static String page(RuleMeta m) {
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule class by dev.scalewise.lint.RuleDocs; do not edit. -->\n");
        b.append("# ").append(m.id()).append(" `").append(m.name()).append("`\n\n");
        b.append("**").append(m.title()).append("**\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Severity | ").append(m.severity().id()).append(": ").append(m.severityBasis()).append(" |\n");
        b.append("| Applies to | ").append(String.join(", ", m.scope().stream().sorted().toList())).append(" |\n");
        b.append("| Suppress | `lint.scalewise.dev/ignore: \"").append(m.id()).append(" -- <reason>\"` |\n\n");
        b.append("## Why\n\n").append(m.rationale()).append("\n\n");
        b.append("## Fix\n\n").append(m.remediation()).append("\n");
        if (!m.references().isEmpty()) {
            b.append("\n## References\n\n");
            m.references().forEach(r -> b.append("- ").append(r).append('\n'));
        }
        return b.toString();
    }

    static String index(List<RuleMeta> rules) {
        StringBuilder b = new StringBuilder();
        b.append("<!-- Generated from the rule classes by dev.scalewise.lint.RuleDocs; do not edit. -->\n");
        b.append("# Lint rules\n\n");
        b.append("Ids are stable: `SW` + three digits, the first digit naming the family: 0 the lint engine itself")
                .append(" (suppressions, objects the policy model refuses), 1 Kubernetes HPA and its neighbours (workload, PodDisruptionBudget, VPA),")
                .append(" 2 KEDA, 3 Knative, 4 KServe, 5 AWS Application Auto Scaling, 6 Azure Container Apps, 7 Google Cloud Run, 9 evidence")
                .append(" rules (replayed metrics; a platform's rule that needs the service model keeps its family). Every rule also has a")
                .append(" kebab-case name; both are accepted in `.scalewise-lint.yaml` and in suppressions.\n\n");
        b.append("Severity: error when the config is invalid or certainly broken, warning for a judgment about a valid")
                .append(" config (docs/lint.md, Severities); each rule's page says why it has its severity.\n\n");
        b.append("| Id | Name | Severity | Title |\n|---|---|---|---|\n");
        for (RuleMeta m : rules) {
            b.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | `").append(m.name()).append("` | ")
                    .append(m.severity().id()).append(" | ").append(m.title()).append(" |\n");
        }
        return b.toString();
    }
}
