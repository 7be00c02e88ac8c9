package dev.scalewise.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a YAML document, as knobs name their manifest field:
 * {@code spec.minReplicas}, {@code spec.metrics[0].pods.target.averageValue} (list index),
 * {@code spec.template.metadata.annotations["autoscaling.knative.dev/target"]} (a key with dots),
 * {@code applications[name=llm].deployments[name=Model].autoscaling_config.min_replicas} (the list item
 * whose {@code name} is llm), and {@code spec.serveConfigV2|applications...}: {@code |} enters YAML held
 * in a string (a RayService's embedded Serve config).
 */
record YamlPath(List<Segment> segments) {
    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_/-]+");

    YamlPath {
        segments = List.copyOf(segments);
    }

    sealed interface Segment permits Key, Index, Select, Embedded {
    }

    /** A mapping key. */
    record Key(String name) implements Segment {
    }

    /** A list item by position. */
    record Index(int index) implements Segment {
    }

    /** The list item whose {@code field} is {@code value}. */
    record Select(String field, String value) implements Segment {
    }

    /** The scalar here holds YAML: continue inside it. */
    record Embedded() implements Segment {
    }

    static YamlPath parse(String path) {
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

    /** The path as text (the inverse of {@link #parse}). */
    static String render(List<Segment> path) {
        StringBuilder b = new StringBuilder();
        for (Segment s : path) {
            if (s instanceof Key k) {
                b.append(b.length() == 0 ? "" : ".").append(SIMPLE_KEY.matcher(k.name()).matches()
                        ? k.name() : "[\"" + k.name() + "\"]");
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
