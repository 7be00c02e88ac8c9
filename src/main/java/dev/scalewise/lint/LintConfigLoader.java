package dev.scalewise.lint;

import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads {@code .scalewise-lint.yaml}. Unknown keys and unknown rule ids are errors with file:line:col:
 * a typo in a CI config must not silently switch a rule back on.
 */
public final class LintConfigLoader {
    public static final String DEFAULT_FILE = ".scalewise-lint.yaml";
    private static final Set<String> KEYS = Set.of("include", "exclude", "severity", "minReplicasFloor",
            "maxReplicasCap", "utilizationLowPercent", "utilizationHighPercent", "ignorePaths");

    private final RuleRegistry registry;

    public LintConfigLoader(RuleRegistry registry) {
        this.registry = registry;
    }

    /** The explicit file, else {@value #DEFAULT_FILE} in {@code dir} when present, else the defaults. */
    public LintConfig load(Optional<Path> explicit, Path dir) {
        if (explicit.isPresent()) {
            return load(explicit.get().toString());
        }
        Path implicit = dir.resolve(DEFAULT_FILE);
        return Files.isRegularFile(implicit) ? load(implicit.toString()) : LintConfig.DEFAULT;
    }

    public LintConfig load(String file) {
        List<YamlDoc> docs = SafeYaml.load(file);
        if (docs.isEmpty()) {
            return LintConfig.DEFAULT;
        }
        YNode root = docs.get(0).root();
        if (!root.isMapping()) {
            throw root.error("expected a mapping of lint settings");
        }
        for (Map.Entry<String, YNode> e : root.entries().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new dev.scalewise.yaml.YamlError(root.keyLocation(e.getKey()), e.getKey(),
                        "unknown setting; expected one of " + KEYS.stream().sorted().toList());
            }
        }
        LintConfig d = LintConfig.DEFAULT;
        return new LintConfig(ruleIds(root.get("include")), ruleIds(root.get("exclude")), severities(root.get("severity")),
                root.get("minReplicasFloor").asInt(d.minReplicasFloor()),
                root.get("maxReplicasCap").optInt().map(OptionalInt::of).orElse(OptionalInt.empty()),
                root.get("utilizationLowPercent").asDouble(d.utilizationLowPercent()),
                root.get("utilizationHighPercent").asDouble(d.utilizationHighPercent()),
                strings(root.get("ignorePaths")));
    }

    private Set<String> ruleIds(YNode list) {
        Set<String> ids = new LinkedHashSet<>();
        for (YNode item : sequence(list)) {
            ids.add(knownRule(item, item.requireText()));
        }
        return ids;
    }

    private Map<String, Severity> severities(YNode map) {
        if (map.isPresent() && !map.isMapping()) {
            throw map.error("expected a mapping of rule id to error|warning|info");
        }
        Map<String, Severity> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
            String id = knownRule(e.getValue(), e.getKey());
            out.put(id, Severity.parse(e.getValue().requireText(), e.getValue().location() + ": " + e.getValue().path()));
        }
        return out;
    }

    private String knownRule(YNode at, String idOrName) {
        return registry.find(idOrName).map(RuleMeta::id)
                .orElseThrow(() -> at.error("unknown rule '" + idOrName + "'; run 'scalewise lint --list-rules'"));
    }

    private static List<String> strings(YNode list) {
        List<String> out = new ArrayList<>();
        for (YNode item : sequence(list)) {
            out.add(item.requireText());
        }
        return out;
    }

    private static List<YNode> sequence(YNode n) {
        if (n.isPresent() && !n.isNull() && !n.isSequence()) {
            throw n.error("expected a list");
        }
        return n.items();
    }
}
