package dev.scalewise.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link Render#tree} as block YAML, marking each value filled in from a default with
 * {@code # default}. The tree's own {@value Render#DEFAULTED} lists become those comments instead of
 * being printed.
 */
public final class PolicyYamlWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9 _./:@()-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "~");

    private final StringBuilder out = new StringBuilder();

    private PolicyYamlWriter() {
    }

    /** The mapping's entries at the given indent; the mapping is a policy tree or a plain map. */
    public static String write(Map<String, Object> tree, int indent) {
        PolicyYamlWriter w = new PolicyYamlWriter();
        w.map(tree, indent, "", defaulted(tree, Set.of()), true);
        return w.out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> defaulted(Map<String, Object> map, Set<String> inherited) {
        Object d = map.get(Render.DEFAULTED);
        return d instanceof List<?> l ? Set.copyOf((List<String>) l) : inherited;
    }

    @SuppressWarnings("unchecked")
    private void map(Map<String, Object> map, int indent, String path, Set<String> defaulted, boolean firstInline) {
        boolean first = true;
        Set<String> marks = defaulted(map, defaulted);
        String base = map.containsKey(Render.DEFAULTED) ? "" : path;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().equals(Render.DEFAULTED)) {
                continue;
            }
            String p = base.isEmpty() ? e.getKey() : base + "." + e.getKey();
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(e.getKey()).append(':');
            Object v = e.getValue();
            String mark = marks.contains(p) ? "  # default" : "";
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                out.append(mark).append('\n').append(" ".repeat(indent + 2));
                map((Map<String, Object>) m, indent + 2, p, marks, true);
            } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
                out.append(mark).append('\n');
                for (int i = 0; i < l.size(); i++) {
                    out.append(" ".repeat(indent + 2)).append("- ");
                    map((Map<String, Object>) l.get(i), indent + 4, p + "[" + i + "]", marks, true);
                }
            } else {
                out.append(' ').append(scalar(v)).append(mark).append('\n');
            }
        }
    }

    static String scalar(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i > 0 ? ", " : "").append(scalar(l.get(i)));
            }
            return b.append(']').toString();
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof String s) {
            return PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase()) && !s.endsWith(" ") ? s : quote(s);
        }
        return String.valueOf(v);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
