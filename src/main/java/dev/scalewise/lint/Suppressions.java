package dev.scalewise.lint;

import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Inline suppression: annotation {@code lint.scalewise.dev/ignore: "SW101,SW203 -- reason"} on the
 * object a finding is about. A suppression without a reason suppresses nothing and is itself a finding
 * (SW001): a silenced check must say why, for the reviewer who meets it a year later.
 */
public final class Suppressions {
    public static final String ANNOTATION = "lint.scalewise.dev/ignore";
    private static final String SEPARATOR = "--";

    public static final RuleMeta MISSING_REASON = new RuleMeta("SW001", "suppression-without-reason", Severity.ERROR,
                "the suppression is malformed and not honoured, so the config does not say what its author meant",
            "A lint suppression gives no reason",
            "A suppression hides a finding from every later review. Without a reason nobody can tell whether"
                    + " the risk was accepted on purpose or the annotation was copied along with the manifest."
                    + " A suppression without a reason is not honoured: the findings it names are still reported.",
            "Write the reason after ' -- ': `lint.scalewise.dev/ignore: \"SW102 -- pinned during the migration, see TICKET-12\"`.",
            Set.of(RuleMeta.ANY_KIND), List.of());
    public static final RuleMeta UNKNOWN_RULE = new RuleMeta("SW002", "suppression-of-unknown-rule", Severity.WARNING,
                "the suppression is harmless but stale or misspelt; it may also name a rule of a newer Scalewise",
            "A lint suppression names a rule that does not exist",
            "A misspelt rule id suppresses nothing, so the finding its author meant to silence still fails the build,"
                    + " or the annotation outlived a renamed rule.",
            "Use an id or name listed by `scalewise lint --list-rules`, or remove the stale entry.",
            Set.of(RuleMeta.ANY_KIND), List.of());

    /** A parsed annotation: the ids named, the reason, and where it sits. */
    record Suppression(Set<String> ids, String reason, YNode at) {
        boolean covers(RuleMeta rule) {
            return !reason.isEmpty() && ids.stream().anyMatch(rule::matches);
        }
    }

    private Suppressions() {
    }

    static Optional<Suppression> of(Manifest m) {
        YNode at = m.root().get("metadata").get("annotations").get(ANNOTATION);
        if (at.isMissing()) {
            return Optional.empty();
        }
        String text = at.asText("");
        int sep = text.indexOf(SEPARATOR);
        String idPart = sep < 0 ? text : text.substring(0, sep);
        String reason = sep < 0 ? "" : text.substring(sep + SEPARATOR.length()).trim();
        Set<String> ids = new LinkedHashSet<>();
        for (String id : idPart.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.trim());
            }
        }
        return Optional.of(new Suppression(ids, reason, at));
    }

    /** Findings about the annotations themselves: missing reasons and unknown rule ids. */
    static List<Finding> problems(Manifest m, Suppression s, RuleRegistry registry) {
        List<Finding> out = new ArrayList<>();
        if (s.reason().isEmpty() || s.ids().isEmpty()) {
            String what = s.ids().isEmpty() ? "suppression names no rule (expected \"ID[,ID] -- reason\")"
                    : "suppression of " + String.join(",", s.ids()) + " has no reason after '" + SEPARATOR + "'";
            out.add(new Finding(MISSING_REASON.id(), MISSING_REASON.severity(), what + "; it is not honoured",
                    s.at().location(), s.at().path(), m.ref()));
        }
        for (String id : s.ids()) {
            if (registry.find(id).isEmpty()) {
                out.add(new Finding(UNKNOWN_RULE.id(), UNKNOWN_RULE.severity(),
                        "suppression names unknown rule '" + id + "'", s.at().location(), s.at().path(), m.ref()));
            }
        }
        return out;
    }
}
