package dev.scalewise.lint;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionAndConfigTest {
    /** An HPA with min 5 > max 3 (SW101 at line 9) and, with the same change, min = max absent. */
    private static String hpa(String annotation) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: llm
                  annotations:
                    %s
                spec:
                  scaleTargetRef: {kind: Deployment, name: llm}
                  minReplicas: 5
                  maxReplicas: 3
                """.formatted(annotation);
    }

    private static List<String> ids(LintReport r) {
        return r.findings().stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    @Test
    void withoutSuppressionTheFindingIsReported() {
        LintReport r = LintFixtures.lintText(hpa("other: x"));
        assertTrue(ids(r).contains("SW101"));
        assertEquals(9, r.findings().stream().filter(f -> f.ruleId().equals("SW101")).findFirst().orElseThrow().location().line());
    }

    @Test
    void suppressionWithReasonHidesTheNamedRulesOnly() {
        LintReport r = LintFixtures.lintText(hpa("lint.scalewise.dev/ignore: \"SW101, scale-target-not-found -- migration, see OPS-12\""));
        assertTrue(!ids(r).contains("SW101") && !ids(r).contains("SW105"), r.findings()::toString);
        assertEquals(2, r.suppressed());
        assertTrue(ids(r).contains("SW109"), "rules not named stay on");
    }

    @Test
    void suppressionWithoutReasonIsAFindingAndSuppressesNothing() {
        LintReport r = LintFixtures.lintText(hpa("lint.scalewise.dev/ignore: \"SW101\""));
        Finding sw001 = r.findings().stream().filter(f -> f.ruleId().equals("SW001")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, sw001.severity());
        assertEquals(6, sw001.location().line());
        assertTrue(ids(r).contains("SW101"));
        assertEquals(0, r.suppressed());
        // "--" with nothing after it is no reason either.
        assertTrue(ids(LintFixtures.lintText(hpa("lint.scalewise.dev/ignore: \"SW101 --  \""))).contains("SW001"));
    }

    @Test
    void suppressionOfAnUnknownRuleIsAWarning() {
        LintReport r = LintFixtures.lintText(hpa("lint.scalewise.dev/ignore: \"SW999 -- typo\""));
        Finding f = r.findings().stream().filter(x -> x.ruleId().equals("SW002")).findFirst().orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("SW999"));
        assertEquals(6, f.location().line());
    }

    private static LintConfig config(Path dir, String yaml) throws IOException {
        Path f = dir.resolve(".scalewise-lint.yaml");
        Files.writeString(f, yaml);
        return new LintConfigLoader(RuleRegistry.standard()).load(Optional.empty(), dir);
    }

    private static LintReport lint(LintConfig cfg, String yaml) {
        var docs = dev.scalewise.yaml.SafeYaml.parse("t.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LintContext ctx = new LintContext(docs, cfg, KubeVersion.DEFAULT, Optional.empty(), PolicyModel.NONE);
        return new Linter(RuleRegistry.standard()).run(ctx, List.of("t.yaml"), Optional.empty());
    }

    @Test
    void excludeTurnsRulesOffByIdOrName(@TempDir Path dir) throws IOException {
        LintConfig cfg = config(dir, "exclude: [SW101, hpa-without-metrics]\n");
        LintReport r = lint(cfg, hpa("a: b"));
        assertTrue(!ids(r).contains("SW101") && !ids(r).contains("SW109"), r.findings()::toString);
        assertTrue(ids(r).contains("SW105"));
        assertTrue(r.rules().stream().noneMatch(m -> m.id().equals("SW101")));
    }

    @Test
    void includeRunsOnlyTheNamedRules(@TempDir Path dir) throws IOException {
        LintReport r = lint(config(dir, "include: [SW101]\n"), hpa("a: b"));
        assertEquals(List.of("SW101"), ids(r));
        assertEquals(List.of("SW101"), r.rules().stream().map(RuleMeta::id).toList());
    }

    @Test
    void severityOverridesAndFloorsApply(@TempDir Path dir) throws IOException {
        LintConfig cfg = config(dir, """
                severity:
                  SW101: warning
                minReplicasFloor: 3
                maxReplicasCap: 10
                ignorePaths: ["vendor/**"]
                """);
        assertEquals(3, cfg.minReplicasFloor());
        assertEquals(10, cfg.maxReplicasCap().getAsInt());
        assertEquals(List.of("vendor/**"), cfg.ignorePaths());
        LintReport r = lint(cfg, hpa("a: b"));
        assertEquals(Severity.WARNING, r.findings().stream().filter(f -> f.ruleId().equals("SW101")).findFirst().orElseThrow().severity());
    }

    @Test
    void suppressionRulesTakeSeverityOverridesAndExcludesToo(@TempDir Path dir) throws IOException {
        String noReason = hpa("lint.scalewise.dev/ignore: \"SW101\"");
        LintReport lowered = lint(config(dir, "severity: {suppression-without-reason: warning}\n"), noReason);
        assertEquals(Severity.WARNING, lowered.findings().stream().filter(f -> f.ruleId().equals("SW001")).findFirst()
                .orElseThrow().severity());
        LintReport off = lint(config(dir, "exclude: [SW001]\n"), noReason);
        assertTrue(off.findings().stream().noneMatch(f -> f.ruleId().equals("SW001")));
    }

    @Test
    void noConfigFileMeansDefaults(@TempDir Path dir) {
        assertEquals(LintConfig.DEFAULT, new LintConfigLoader(RuleRegistry.standard()).load(Optional.empty(), dir));
    }

    @Test
    void unknownKeysAndRulesAreErrorsWithTheirLine(@TempDir Path dir) {
        UserError typo = assertThrows(UserError.class, () -> config(dir, "exclude: [SW101]\nminReplicaFloor: 3\n"));
        assertTrue(typo.getMessage().contains(".scalewise-lint.yaml:2:1") && typo.getMessage().contains("minReplicaFloor"),
                typo.getMessage());
        UserError rule = assertThrows(UserError.class, () -> config(dir, "exclude:\n  - SW101\n  - SW777\n"));
        assertTrue(rule.getMessage().contains(":3:5") && rule.getMessage().contains("SW777"), rule.getMessage());
        UserError sev = assertThrows(UserError.class, () -> config(dir, "severity: {SW101: fatal}\n"));
        assertTrue(sev.getMessage().contains("fatal"), sev.getMessage());
    }

    @Test
    void ignorePathsSkipFilesWhenWalkingADirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("vendor/x"));
        Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(dir.resolve("vendor/x/hpa.yaml"), hpa("a: b"));
        Files.writeString(dir.resolve("k8s/hpa.yaml"), hpa("a: b"));
        Files.writeString(dir.resolve(".scalewise-lint.yaml"), "not: [a manifest");
        LintInputs in = LintInputs.read(List.of(dir.toString()), List.of("vendor/**"), dir, "-");
        assertEquals(List.of(dir.resolve("k8s/hpa.yaml").toString()), in.sources());
    }
}
