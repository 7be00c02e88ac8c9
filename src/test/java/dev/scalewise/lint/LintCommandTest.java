package dev.scalewise.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scalewise lint end to end through Main: exit codes, stdin, several formats, usage errors. */
class LintCommandTest {
    private static final String RULES = "src/test/resources/lint/rules/";

    record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    @ParameterizedTest(name = "{0} --fail-on {1} -> exit {2}")
    @CsvSource({
            "SW101/pass.yaml, error,   0",
            "SW101/fail.yaml, error,   1",
            "SW102/fail.yaml, error,   0", // SW102 is a warning
            "SW102/fail.yaml, warning, 1",
            "SW101/fail.yaml, never,   0",
    })
    void exitCodeFollowsFailOn(String file, String failOn, int exit) {
        Run r = run("", "lint", "--fail-on", failOn, RULES + file);
        assertEquals(exit, r.exit(), r.out() + r.err());
    }

    @Test
    void readsStdinUnderTheGivenName() throws Exception {
        String yaml = Files.readString(Path.of(RULES + "SW101/fail.yaml"));
        Run r = run(yaml, "lint", "--format", "json", "--stdin-name", "charts/llm", "-");
        assertEquals(1, r.exit(), r.err());
        JsonNode f = new ObjectMapper().readTree(r.out()).get("findings");
        JsonNode sw101 = null;
        for (JsonNode n : f) {
            if (n.get("ruleId").asText().equals("SW101")) {
                sw101 = n;
            }
        }
        assertEquals("charts/llm", sw101.get("file").asText());
        assertEquals(7, sw101.get("line").asInt());
    }

    @Test
    void findingsInHelmOutputNameTheirTemplate() throws Exception {
        String helm = "---\n# Source: llm/templates/deployment.yaml\n" + Files.readString(Path.of(RULES + "SW101/pass.yaml"))
                .replace("maxReplicas: 3", "maxReplicas: 1") + "---\n# Source: llm/templates/hpa.yaml\n"
                + Files.readString(Path.of(RULES + "SW101/fail.yaml"));
        Run r = run(helm, "lint", "--format", "json", "--stdin-name", "charts/llm", "-");
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        assertTrue(findings.size() >= 2, r.out());
        int hpaStarts = helm.lines().toList().indexOf("# Source: llm/templates/hpa.yaml") + 1;
        for (JsonNode f : findings) {
            String template = f.get("line").asInt() < hpaStarts ? "llm/templates/deployment.yaml" : "llm/templates/hpa.yaml";
            assertTrue(f.get("message").asText().endsWith("(rendered from " + template + ")"), f.toString());
        }
    }

    @Test
    void writesSeveralFormatsInOneRun(@TempDir Path dir) throws Exception {
        Path sarif = dir.resolve("lint.sarif");
        Path junit = dir.resolve("lint.xml");
        Run r = run("", "lint", RULES + "SW101/fail.yaml", "--format", "text", "--format", "sarif=" + sarif,
                "--format", "junit=" + junit);
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("SW101"), r.out());
        assertEquals("2.1.0", new ObjectMapper().readTree(sarif.toFile()).get("version").asText());
        assertTrue(Files.readString(junit).startsWith("<?xml"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void outputAppliesToTheOneFormatWithoutAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gh.txt");
        Run r = run("", "lint", RULES + "SW101/fail.yaml", "--format", "github", "-o", out.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).startsWith("::error file="));
    }

    @ParameterizedTest(name = "usage error: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            lint no/such/file.yaml                                   | no/such/file.yaml: no such file
            lint --format xml src/test/resources/lint/rules          | unknown format 'xml'
            lint --format json --format sarif src/test/resources/lint/rules | would all go to stdout
            lint --fail-on fatal src/test/resources/lint/rules        | --fail-on: expected error, warning, info or never
            lint --kube-version latest src/test/resources/lint/rules | --kube-version: expected MAJOR.MINOR
            """)
    void usageAndInputErrorsExit2WithAMessage(String args, String message) {
        Run r = run("", args.trim().split("\\s+"));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aDirectoryWithoutYamlIsAnInputError(@TempDir Path dir) {
        Run r = run("", "lint", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no *.yaml or *.yml files to lint"), r.err());
    }

    @Test
    void invalidYamlNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "kind: HorizontalPodAutoscaler\nspec:\n  minReplicas: [1\n");
        Run r = run("", "lint", bad.toString());
        assertEquals(2, r.exit());
        // The unclosed flow sequence is detected at the end of the stream: line 4, column 1.
        assertTrue(r.err().contains(bad + ":4:1: invalid YAML"), r.err());
    }

    /** Lists, scalars, nulls and wrong shapes where mappings belong: findings or nothing, never a crash. */
    @Test
    void oddShapesGiveFindingsNotInternalErrors(@TempDir Path dir) {
        Run r = run("", "lint", "src/test/resources/lint/odd-shapes.yaml", "--services", "policies/services.yaml",
                "-f", "text", "-f", "sarif=" + dir.resolve("o.sarif"), "-f", "junit=" + dir.resolve("o.xml"));
        assertEquals(1, r.exit(), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertTrue(r.out().contains("SW001 suppression names no rule"), r.out());
        assertFalse(r.out().contains("SW114"), "references without a name name no workload: " + r.out());
    }

    @Test
    void listRulesPrintsEveryRule() {
        Run r = run("", "lint", "--list-rules");
        assertEquals(0, r.exit());
        for (RuleMeta m : RuleRegistry.standard().all()) {
            assertTrue(r.out().contains(m.id()) && r.out().contains(m.name()), m.id());
        }
    }
}
