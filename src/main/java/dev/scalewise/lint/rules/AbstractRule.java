package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintRule;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

/** Holds a rule's metadata and builds its findings at a node. */
abstract class AbstractRule implements LintRule {
    private final RuleMeta meta;

    AbstractRule(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    /** A finding at {@code at} (a missing node points at its parent) about object {@code m}. */
    Finding finding(Manifest m, YNode at, String message) {
        return finding(m, at, meta.severity(), message);
    }

    Finding finding(Manifest m, YNode at, Severity severity, String message) {
        return new Finding(meta.id(), severity, message, at.location(), at.path(), m.ref());
    }

    /**
     * A finding at {@code at} when it is written, else at the {@code spec:} key: a defaulted value has no
     * line of its own, and the object's spec is where it would go.
     */
    Finding findingOrSpec(Manifest m, YNode at, String message) {
        return at.isPresent() ? finding(m, at, message) : findingAtKey(m, m.root(), "spec", message);
    }

    /** A finding at the key of a field (for "this field is set" or "this section lacks X"). */
    Finding findingAtKey(Manifest m, YNode parent, String key, String message) {
        return new Finding(meta.id(), meta.severity(), message, parent.keyLocation(key), parent.yamlPath().key(key).toString(),
                m.ref());
    }
}
