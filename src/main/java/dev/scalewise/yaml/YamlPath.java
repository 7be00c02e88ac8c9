package dev.scalewise.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a YAML document, the one syntax of the house: a {@link YNode} knows its own (so errors and
 * lint findings name a field by it), the policy readers record where each tunable field lives by it, and
 * the manifest editor walks and writes a document by it. {@code spec.minReplicas},
 * {@code spec.metrics[0].pods.target.averageValue} (list index),
 * {@code spec.template.metadata.annotations["autoscaling.knative.dev/target"]} (a key with dots),
 * {@code applications[name=llm].deployments[name=Model].autoscaling_config.min_replicas} (the list item
 * whose {@code name} is llm), and {@code spec.serveConfigV2|applications...}: {@code |} enters YAML held
 * in a string (a RayService's embedded Serve config).
 */
public record YamlPath(List<Segment> segments) {
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_/-]+");

    /** The document's root. */
    public static final YamlPath ROOT = new YamlPath(List.of());

    public YamlPath {
        segments = List.copyOf(segments);
    }

    public sealed interface Segment permits Key, Index, Select, Embedded {
    }

    /** A mapping key. */
    public record Key(String name) implements Segment {
    }

    /** A list item by position. */
    public record Index(int index) implements Segment {
    }

    /** The list item whose {@code field} is {@code value}. */
    public record Select(String field, String value) implements Segment {
    }

    /** The scalar here holds YAML: continue inside it. */
    public record Embedded() implements Segment {
    }

    /** This path, then {@code segment}. */
    public YamlPath then(Segment segment) {
        List<Segment> out = new ArrayList<>(segments);
        out.add(segment);
        return new YamlPath(out);
    }

    /** The child under a mapping key. */
    public YamlPath key(String name) {
        return then(new Key(name));
    }

    /** This path, then every segment of {@code rest}. */
    public YamlPath then(YamlPath rest) {
        List<Segment> out = new ArrayList<>(segments);
        out.addAll(rest.segments);
        return new YamlPath(out);
    }

    /** This path without the leading segments of {@code prefix} (which it must start with). */
    public YamlPath relativeTo(YamlPath prefix) {
        if (!segments.subList(0, Math.min(segments.size(), prefix.segments.size())).equals(prefix.segments)) {
            throw new IllegalArgumentException(this + " is not below " + prefix);
        }
        return new YamlPath(segments.subList(prefix.segments.size(), segments.size()));
    }

    public static YamlPath parse(String path) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '|') {
                out.add(new Embedded());
                i++;
            } else if (c == '[') {
                int close = path.charAt(i + 1) == '"' ? path.indexOf("\"]", i + 2) + 1 : path.indexOf(']', i);
                if (close <= i) {
                    throw new IllegalArgumentException("unclosed [ in path " + path);
                }
                String inside = path.substring(i + 1, close);
                if (inside.startsWith("\"")) {
                    out.add(new Key(inside.substring(1, inside.length() - 1)));
                } else if (inside.contains("=")) {
                    int eq = inside.indexOf('=');
                    out.add(new Select(inside.substring(0, eq), inside.substring(eq + 1)));
                } else {
                    out.add(new Index(Integer.parseInt(inside)));
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < n && ".[|".indexOf(path.charAt(end)) < 0) {
                    end++;
                }
                out.add(new Key(path.substring(i, end)));
                i = end;
            }
        }
        return new YamlPath(out);
    }

    @Override
    public String toString() {
        return render(segments);
    }

    /** The path as text (the inverse of {@link #parse}). */
    public static String render(List<Segment> path) {
        StringBuilder b = new StringBuilder();
        for (Segment s : path) {
            if (s instanceof Key k) {
                if (SIMPLE_KEY.matcher(k.name()).matches()) {
                    boolean first = b.length() == 0 || b.charAt(b.length() - 1) == '|';
                    b.append(first ? "" : ".").append(k.name());
                } else {
                    b.append("[\"").append(k.name()).append("\"]");
                }
            } else if (s instanceof Index i) {
                b.append('[').append(i.index()).append(']');
            } else if (s instanceof Select sel) {
                b.append('[').append(sel.field()).append('=').append(sel.value()).append(']');
            } else {
                b.append('|');
            }
        }
        return b.toString();
    }
}
