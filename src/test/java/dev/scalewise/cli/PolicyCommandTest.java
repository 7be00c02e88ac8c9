package dev.scalewise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.policy.BrokenFilesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void brokenDirectoryExitsTwoWithOneLinePerProblemAndNoStackTrace(@TempDir Path dir) throws Exception {
        BrokenFilesTest.writeBrokenSet(dir);
        assertEquals(2, run("policy", "show", dir.toString()));
        String e = err.toString();
        assertEquals(6, e.lines().count(), e);
        assertTrue(e.startsWith("scalewise: " + dir + "/a-syntax.yaml:4:5: "), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
        assertEquals("", out.toString());
    }

    @Test
    void yamlMarksDefaults() {
        assertEquals(0, run("policy", "show", "policies/hpa-gpu-legacy.yaml"));
        String o = out.toString();
        assertTrue(o.contains("  tolerance: 0.1  # default\n"), o);
        assertTrue(o.contains("  minReplicas: 2\n"), o);
        assertTrue(o.contains("service: vision-ocr\nsignals: [gpu_util]\n"), o);
    }

    /** The yaml output is itself valid YAML: one document per policy, each with its normalized fields. */
    @Test
    void yamlOutputParsesBack() {
        assertEquals(0, run("policy", "show", "policies"));
        var docs = dev.scalewise.yaml.SafeYaml.parse("out", out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(14, docs.size());
        assertEquals("0 8 * * 1-5", docs.get(13).root().get("policy").get("windows").items().get(0).get("cron").asText(""));
        assertEquals("sum(rate(http_requests_total{service=\"embed-search\"}[1m]))",
                docs.get(7).root().get("policy").get("triggers").items().get(0).get("query").asText(""));
    }

    @Test
    void jsonListsDefaultedFieldsServiceSignalAndSentence() throws Exception {
        assertEquals(0, run("policy", "show", "policies/keda-prometheus-rps.yaml", "--format", "json"));
        JsonNode p = new ObjectMapper().readTree(out.toString()).get("policies").get(0);
        assertEquals("embed-search", p.get("service").asText());
        assertEquals("rps", p.get("signals").get(0).asText());
        assertEquals(30, p.get("policy").get("pollingIntervalSeconds").asInt());
        assertTrue(p.get("policy").get("defaulted").toString().contains("\"cooldownPeriodSeconds\""));
        assertTrue(p.get("does").asText().startsWith("polls every 30 s; its HPA keeps 3-80 replicas"));
    }

    @Test
    void noPoliciesIsAnInputError() {
        assertEquals(2, run("policy", "show", "policies/services.yaml"));
        assertTrue(err.toString().startsWith("scalewise: no autoscaling policies found in policies/services.yaml"));
    }
}
