package dev.scalewise.importer.prometheus;

import dev.scalewise.UserError;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in presets (resource {@code importer/prometheus-presets.yaml}) and the user's
 * {@code --queries} file, both read with {@link SafeYaml} and the same {@code queries:} mapping of
 * column to PromQL, and the choice of one query per column from the presets asked for.
 */
public final class Presets {
    static final String RESOURCE = "/importer/prometheus-presets.yaml";
    /** What `import prometheus` uses without --preset: the most common self-hosted LLM stack. */
    public static final List<String> DEFAULT = List.of("vllm", "dcgm", "kube-state-metrics");

    private Presets() {
    }

    /** Every built-in preset, in the resource's order. */
    public static Map<String, Preset> builtIn() {
        byte[] bytes;
        try (InputStream in = Presets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the jar");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YNode presets = single(SafeYaml.parse("presets", bytes)).get("presets");
        Map<String, Preset> out = new LinkedHashMap<>();
        presets.entries().forEach((name, node) -> out.put(name, new Preset(name,
                node.get("description").requireText(), node.get("docs").requireText(),
                queries(node.get("queries"), "preset " + name))));
        return out;
    }

    /** A --queries file: {@code queries: {COLUMN: PROMQL, ...}}. */
    public static Map<Column, QueryTemplate> userFile(String path) {
        try {
            YNode root = single(SafeYaml.load(path));
            if (!root.isMapping() || !root.has("queries")) {
                throw root.error("expected a mapping with 'queries:' (column: PromQL), e.g. queries: {queue_depth: '...'}");
            }
            return queries(root.get("queries"), null);
        } catch (YamlError e) {
            throw new UserError("--queries " + e.getMessage(), e);
        }
    }

    /**
     * One query per column: the presets in order (a later preset replaces an earlier one's column),
     * then the user's file over them.
     */
    public static Map<Column, QueryTemplate> choose(List<String> names, Map<Column, QueryTemplate> user) {
        Map<String, Preset> all = builtIn();
        Map<Column, QueryTemplate> chosen = new EnumMap<>(Column.class);
        for (String name : names) {
            Preset p = all.get(name);
            if (p == null) {
                throw new UserError("--preset " + name + ": unknown; expected one of " + String.join(", ", all.keySet())
                        + " (import prometheus --list-presets shows their queries)");
            }
            chosen.putAll(p.queries());
        }
        chosen.putAll(user);
        return chosen;
    }

    private static Map<Column, QueryTemplate> queries(YNode node, String preset) {
        if (!node.isMapping()) {
            throw node.error("expected a mapping of column to PromQL; columns: " + Column.keys());
        }
        Map<Column, QueryTemplate> out = new EnumMap<>(Column.class);
        for (Map.Entry<String, YNode> e : node.entries().entrySet()) {
            Column column = Column.byKey(e.getKey()).orElseThrow(() -> node.get(e.getKey()).error(
                    "unknown column '" + e.getKey() + "'; expected one of " + Column.keys()));
            String promql = e.getValue().requireText().strip();
            String origin = preset != null ? preset : e.getValue().location().toString();
            out.put(column, new QueryTemplate(column, origin, promql));
        }
        return out;
    }

    private static YNode single(List<YamlDoc> docs) {
        List<YNode> roots = new ArrayList<>();
        docs.forEach(d -> roots.add(d.root()));
        if (roots.size() != 1) {
            throw new UserError("expected one YAML document, found " + roots.size());
        }
        return roots.get(0);
    }
}
