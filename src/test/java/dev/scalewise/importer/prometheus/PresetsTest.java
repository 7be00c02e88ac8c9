package dev.scalewise.importer.prometheus;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets, --queries files, placeholders and the range split. */
class PresetsTest {
    private static final QueryTemplate.Vars VARS = new QueryTemplate.Vars("app", null, 60, "(.+)-[a-z0-9]+");

    @Test
    void everyPresetRendersAndNamesItsMetrics() {
        Map<String, Preset> all = Presets.builtIn();
        assertEquals(List.of("vllm", "triton", "tgi", "knative", "ray-serve", "dcgm", "kube-state-metrics"),
                List.copyOf(all.keySet()));
        for (Preset p : all.values()) {
            for (QueryTemplate t : p.queries().values()) {
                String q = t.render(VARS, 0.95);
                assertTrue(!q.contains("${") && !q.contains("{,") && !q.contains(",}"), p.name() + ": " + q);
                assertTrue(!t.metrics().isEmpty(), p.name() + " " + t.column());
            }
        }
        assertEquals(List.of("vllm:num_requests_running", "vllm:num_requests_waiting"),
                all.get("vllm").queries().get(Column.IN_FLIGHT).metrics());
    }

    @Test
    void placeholdersRenderWithAndWithoutANamespace() {
        QueryTemplate t = new QueryTemplate(Column.ERRORS, "test",
                "sum by (${service}) (increase(revision_request_count{${selector:namespace_name},code=\"5xx\"}[${range}]))");
        assertEquals("sum by (app) (increase(revision_request_count{code=\"5xx\"}[60s]))", t.render(VARS, Double.NaN));
        QueryTemplate.Vars ns = new QueryTemplate.Vars("service", "infer\"ence", 300, "x");
        assertEquals("sum by (service) (increase(revision_request_count{namespace_name=\"infer\\\"ence\",code=\"5xx\"}[300s]))",
                t.render(ns, Double.NaN));
        QueryTemplate lat = new QueryTemplate(Column.LATENCY_MS, "test", "histogram_quantile(${quantile}, x{${selector}})");
        assertEquals("histogram_quantile(0.99, x{})", lat.render(VARS, 0.99));
        assertEquals("histogram_quantile(0.5, x{})", lat.render(VARS, 0.5));
    }

    @Test
    void badTemplatesAreRefusedWithWhereTheyCameFrom() {
        UserError e = assertThrows(UserError.class, () -> new QueryTemplate(Column.REQUESTS, "f.yaml:2:14", "x{${namespace}}"));
        assertTrue(e.getMessage().startsWith("f.yaml:2:14: requests: unknown placeholder ${namespace}"), e.getMessage());
        e = assertThrows(UserError.class, () -> new QueryTemplate(Column.LATENCY_MS, "p", "histogram_quantile(0.95, x)"));
        assertTrue(e.getMessage().contains("must use ${quantile}"), e.getMessage());
    }

    @Test
    void laterPresetsAndTheUserFileWinPerColumn(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("q.yaml");
        Files.writeString(file, "queries:\n  queue_depth: sum by (${service}) (my_queue{${selector}})\n");
        Map<Column, QueryTemplate> q = Presets.choose(List.of("kube-state-metrics", "knative"), Presets.userFile(file.toString()));
        assertTrue(q.get(Column.REPLICAS).promql().contains("autoscaler_actual_pods"), "knative after ksm wins");
        assertEquals(file + ":2:16", q.get(Column.QUEUE_DEPTH).origin());
        Files.writeString(file, "queries:\n  queue: x\n");
        UserError e = assertThrows(UserError.class, () -> Presets.userFile(file.toString()));
        assertTrue(e.getMessage().contains("unknown column 'queue'") && e.getMessage().contains(file + ":2:"), e.getMessage());
        e = assertThrows(UserError.class, () -> Presets.choose(List.of("vlm"), Map.of()));
        assertTrue(e.getMessage().contains("--preset vlm: unknown; expected one of vllm, triton"), e.getMessage());
    }

    @Test
    void rangesSplitBelowThePointLimit() {
        List<long[]> one = RangeSplit.split(60, 86_400, 60, 11_000);
        assertEquals(1, one.size());
        assertEquals(List.of(60L, 86_400L), List.of(one.get(0)[0], one.get(0)[1]));
        // 5 s steps: 17,280 points a day -> 11,000 + 6,280
        List<long[]> two = RangeSplit.split(5, 86_400, 5, 11_000);
        assertEquals(2, two.size());
        assertEquals((two.get(0)[1] - two.get(0)[0]) / 5 + 1, 11_000);
        assertEquals(two.get(0)[1] + 5, two.get(1)[0]);
        assertEquals(86_400, two.get(1)[1]);
        assertEquals(3, RangeSplit.split(0, 20, 1, 7).size()); // 21 points: 7 + 7 + 7
    }

    @Test
    void theDocsShowEveryPresetQuery() throws Exception {
        String doc = Files.readString(Path.of("docs/import-prometheus.md")).replaceAll("\\s+", " ");
        for (Preset p : Presets.builtIn().values()) {
            assertTrue(doc.contains("### `" + p.name() + "`"), p.name());
            for (QueryTemplate t : p.queries().values()) {
                assertTrue(doc.contains(t.promql().replaceAll("\\s+", " ")), p.name() + " " + t.column().key()
                        + " is not in docs/import-prometheus.md as it is in the preset");
            }
        }
    }
}
