package dev.scalewise.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every static rule against its failing and passing manifest in src/test/resources/lint/rules/ID/:
 * the failing one marks each line that must carry a finding with "# expect: ID"; the passing one is the
 * smallest change that fixes it and must give no finding of that rule.
 */
class StaticRulesTest {
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("SW003", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW101", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW102", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW103", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW104", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW105", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW106", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW107", Severity.WARNING, KubeVersion.DEFAULT),
                // autoscaling/v2beta2: no longer served from 1.26 (error), deprecated from 1.23 (warning).
                Arguments.of("SW108", Severity.ERROR, new KubeVersion(1, 26)),
                Arguments.of("SW108", Severity.WARNING, new KubeVersion(1, 23)),
                Arguments.of("SW109", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW110", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW111", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW112", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW113", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW114", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW115", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW116", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW117", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW201", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW202", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW203", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW204", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW205", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW301", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW302", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW303", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW401", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW402", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW501", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW502", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW503", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW504", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW505", Severity.ERROR, KubeVersion.DEFAULT),
                Arguments.of("SW506", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW601", Severity.WARNING, KubeVersion.DEFAULT),
                Arguments.of("SW701", Severity.WARNING, KubeVersion.DEFAULT));
    }

    @ParameterizedTest(name = "{0} ({1}, Kubernetes {2}) fails on fail.yaml at the marked lines")
    @MethodSource("rules")
    void failingManifest(String id, Severity severity, KubeVersion kube) throws Exception {
        Path dir = LintFixtures.RULES.resolve(id);
        Path fail = dir.resolve("fail.yaml");
        List<Integer> expected = LintFixtures.expectedLines(fail, id);
        assertFalse(expected.isEmpty(), "fixture " + fail + " marks no line");
        List<Finding> found = LintFixtures.lint(List.of(fail), LintFixtures.config(dir), kube, LintFixtures.services(dir)).findings().stream()
                .filter(f -> f.ruleId().equals(id)).toList();
        assertEquals(expected, found.stream().map(f -> f.location().line()).toList(), () -> "findings: " + found);
        for (Finding f : found) {
            assertEquals(severity, f.severity(), f::toString);
            assertEquals(fail.toString(), f.location().file());
            assertTrue(f.location().column() >= 1, f::toString);
        }
    }

    @ParameterizedTest(name = "{0} passes on pass.yaml")
    @MethodSource("rules")
    void passingManifest(String id, Severity severity, KubeVersion kube) {
        Path dir = LintFixtures.RULES.resolve(id);
        List<Finding> found = LintFixtures.lint(List.of(dir.resolve("pass.yaml")), LintFixtures.config(dir), kube,
                        LintFixtures.services(dir))
                .findings().stream().filter(f -> f.ruleId().equals(id)).toList();
        assertEquals(List.of(), found);
    }

    @Test
    void everyStaticRuleHasFixtures() {
        for (LintRule r : RuleRegistry.standard().staticRules()) {
            Path dir = LintFixtures.RULES.resolve(r.meta().id());
            assertTrue(Files.isRegularFile(dir.resolve("fail.yaml")) && Files.isRegularFile(dir.resolve("pass.yaml")),
                    "no fixtures for " + r.meta().id());
            assertTrue(rules().anyMatch(a -> a.get()[0].equals(r.meta().id())), "no table row for " + r.meta().id());
        }
    }
}
