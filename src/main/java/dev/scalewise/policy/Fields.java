package dev.scalewise.policy;

import dev.scalewise.Numbers;
import dev.scalewise.yaml.YNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the optional fields of one manifest and remembers which ones were filled in from a default,
 * under their normalized path (the record component path `policy show` prints, e.g.
 * {@code behavior.scaleDown.stabilizationWindowSeconds}), so PolicyMeta.defaulted names them; and, by the
 * same paths, where the tunable ones live in the manifest (PolicyMeta.fields).
 */
final class Fields {
    private final Set<String> defaulted = new LinkedHashSet<>();
    private final Map<String, ManifestField> editable = new LinkedHashMap<>();

    int integer(YNode node, String field, int fallback) {
        return value(node, field, fallback, YNode::optInt);
    }

    double number(YNode node, String field, double fallback) {
        return value(node, field, fallback, YNode::optDouble);
    }

    String text(YNode node, String field, String fallback) {
        return value(node, field, fallback, YNode::text);
    }

    <T> T value(YNode node, String field, T fallback, Function<YNode, Optional<T>> read) {
        Optional<T> v = read.apply(node);
        if (v.isEmpty()) {
            defaulted.add(field);
        }
        return v.orElse(fallback);
    }

    /** Marks a field as defaulted when the manifest cannot set it (a controller flag or ConfigMap). */
    void mark(String field) {
        defaulted.add(field);
    }

    Set<String> defaulted() {
        return defaulted;
    }

    /** Records where a tunable field lives in the manifest. */
    void editable(String field, ManifestField where) {
        editable.put(field, where);
    }

    Map<String, ManifestField> editable() {
        return editable;
    }

    /** Fails with location unless lo <= v <= hi. */
    static double within(YNode node, double v, double lo, double hi, String what) {
        if (v < lo || v > hi) {
            throw node.error(what + " must be between " + Numbers.plain(lo) + " and " + Numbers.plain(hi)
                    + ", found " + Numbers.plain(v));
        }
        return v;
    }

    /** Fails with location unless v >= lo. */
    static double atLeast(YNode node, double v, double lo, String what) {
        if (v < lo) {
            throw node.error(what + " must be at least " + Numbers.plain(lo) + ", found " + Numbers.plain(v));
        }
        return v;
    }

    static int atLeast(YNode node, int v, int lo) {
        if (v < lo) {
            throw node.error("must be at least " + lo + ", found " + v);
        }
        return v;
    }

    /** maxReplicas < minReplicas is the most common hand-edit error; report it at the max field. */
    static void checkBounds(YNode maxNode, int min, int max) {
        if (max < min) {
            throw maxNode.error("maxReplicas " + max + " is less than minReplicas " + min);
        }
    }
}
