package dev.scalewise.lint;

import java.util.List;
import java.util.Set;

/**
 * Everything a user reads about a rule, in one place: the text of findings' help, the SARIF rule
 * descriptor and the generated page {@code docs/rules/<id>.md} all come from here.
 *
 * @param id          stable id, {@code SW} + three digits (the family is the first digit, see docs/rules)
 * @param name        stable kebab-case name, accepted wherever an id is
 * @param severity    default severity (a config may override it): error when the config is invalid (the API
 *                    server, a webhook or the controller rejects it) or certainly broken (it cannot work as
 *                    written); warning for a judgment about a valid config (docs/lint.md, severities)
 * @param severityBasis why this rule has its severity, in one clause (shown on the rule's page)
 * @param title       one line: what is wrong
 * @param rationale   why it matters, with the upstream behaviour it relies on
 * @param remediation what to change
 * @param scope       kinds of objects the rule looks at ("*" = every object, "group/Kind" for one API group's kind)
 * @param references  upstream documentation the rationale cites
 */
public record RuleMeta(String id, String name, Severity severity, String severityBasis, String title, String rationale,
                       String remediation, Set<String> scope, List<String> references) {
    public static final String ANY_KIND = "*";

    public RuleMeta {
        scope = Set.copyOf(scope);
        references = List.copyOf(references);
        if (!id.matches("SW\\d{3}") || !name.matches("[a-z0-9]+(-[a-z0-9]+)*") || severityBasis.isBlank()) {
            throw new IllegalArgumentException("bad rule id/name: " + id + " " + name);
        }
    }

    /**
     * Whether an object is in scope: the scope names its kind, or "group/Kind" when a kind name is
     * ambiguous (a Knative "serving.knative.dev/Service" is not a core Service).
     */
    public boolean covers(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return scope.contains(ANY_KIND) || scope.contains(kind) || scope.contains(group + "/" + kind);
    }

    /** True when {@code idOrName} is this rule's id or name (case-insensitive). */
    public boolean matches(String idOrName) {
        return id.equalsIgnoreCase(idOrName) || name.equalsIgnoreCase(idOrName);
    }
}
