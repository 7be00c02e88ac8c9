package dev.scalewise.lint;

import dev.scalewise.yaml.SourceLocation;

import java.util.Comparator;

/**
 * One problem found by a rule.
 *
 * @param message  says what is wrong with the numbers involved ("minReplicas 5 > maxReplicas 3")
 * @param location file:line:column of the offending node
 * @param path     YAML path of that node from its document root ("" when the whole object is meant)
 * @param object   the object the finding is about (and whose annotation can suppress it)
 */
public record Finding(String ruleId, Severity severity, String message, SourceLocation location, String path,
                      ObjectRef object) {
    /** Report order: file, line, column, rule. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, location, path, object);
    }
}
