package dev.scalewise.lint;

import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs lint over test resources the way the CLI does, without the CLI. */
final class LintFixtures {
    static final Path RULES = Path.of("src/test/resources/lint/rules");

    private LintFixtures() {
    }

    static LintReport lint(List<Path> files, LintConfig config, KubeVersion kube) {
        return lint(files, config, kube, Optional.empty());
    }

    static LintReport lint(List<Path> files, LintConfig config, KubeVersion kube, Optional<Path> services) {
        List<YamlDoc> docs = new ArrayList<>();
        for (Path f : files) {
            docs.addAll(SafeYaml.load(f.toString()));
        }
        LintContext ctx = new LintContext(docs, config, kube, services.map(s -> ServicesFile.load(s.toString())),
                PolicyReader::read);
        return new Linter(RuleRegistry.standard()).run(ctx, files.stream().map(Path::toString).toList(), Optional.empty());
    }

    static LintReport lintText(String yaml) {
        List<YamlDoc> docs = SafeYaml.parse("t.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LintContext ctx = new LintContext(docs, LintConfig.DEFAULT, KubeVersion.DEFAULT, Optional.empty(), PolicyReader::read);
        return new Linter(RuleRegistry.standard()).run(ctx, List.of("t.yaml"), Optional.empty());
    }

    /** The lint config of a fixture directory (config.yaml), or the defaults. */
    static LintConfig config(Path dir) {
        Path c = dir.resolve("config.yaml");
        return Files.isRegularFile(c) ? new LintConfigLoader(RuleRegistry.standard()).load(c.toString()) : LintConfig.DEFAULT;
    }

    /** The services.yaml of a fixture directory, when it has one. */
    static Optional<Path> services(Path dir) {
        Path s = dir.resolve("services.yaml");
        return Files.isRegularFile(s) ? Optional.of(s) : Optional.empty();
    }

    /** Lines (1-based) carrying a {@code # expect: ID} marker for {@code ruleId}. */
    static List<Integer> expectedLines(Path file, String ruleId) throws java.io.IOException {
        List<String> lines = Files.readAllLines(file);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(".*#\\s*expect:.*\\b" + ruleId + "\\b.*")) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
