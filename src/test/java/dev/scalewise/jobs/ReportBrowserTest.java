package dev.scalewise.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.Numbers;
import dev.scalewise.report.html.Chromium;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20 in a real browser: `scalewise report` on the committed sample writes one file that opens in
 * headless Chromium from disk without a console error, draws every chart (data marks in each SVG, both
 * axis labels, tick labels), shows the fleet table's numbers equal to the command's own JSON (values
 * exactly; text as {@link Numbers} formats them), sorts, zooms, and fetches nothing. Screenshots of the
 * fleet page and of one service page go to target/ (report-service-top.png is docs/report.png).
 */
class ReportBrowserTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path OUT = Path.of("target", "report-test");

    @Test
    void theReportOpensOfflineWithEveryChartDrawnAndTheCommandsNumbers() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("report.html");
        SharedSpark.CliRun run = SharedSpark.cli("report", "--data", "sample-data", "--policies", "policies",
                "--out", html.toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = MAPPER.readTree(run.out());
        JsonNode recs = json.get("recommendations");
        assertTrue(recs.size() >= 5, run.out());

        try (Chromium browser = Chromium.start(1280, 900)) {
            browser.open(html.toAbsolutePath().toUri().toString(), "fleet");
            browser.screenshot(Path.of("target", "report-fleet.png"));
            double fleetMs = browser.eval("window.scalewiseRenderMs").asDouble();

            // the fleet table: one row per recommendation, values equal to the JSON, text as Numbers formats it
            JsonNode rows = browser.eval("Array.from(document.querySelectorAll('#fleet-table tbody tr')).map(tr => "
                    + "Object.fromEntries(Array.from(tr.children).map(td => [td.dataset.key, "
                    + "{value: td.dataset.value, text: td.textContent}])))");
            assertEquals(recs.size(), rows.size());
            for (int i = 0; i < recs.size(); i++) {
                JsonNode rec = recs.get(i);
                JsonNode row = rows.get(i);
                String what = rec.get("service").asText() + " / " + rec.get("policy").asText();
                assertEquals(rec.get("service").asText(), row.path("service").path("text").asText(), what);
                assertEquals(rec.get("policy").asText(), row.path("policy").path("text").asText(), what);
                String currency = rec.get("currency").asText();
                for (String money : List.of("holdout_current_cost_per_1k", "holdout_recommended_cost_per_1k",
                        "monthly_current", "monthly_recommended")) {
                    assertCell(rec, row, money, Numbers.money(rec.path(money).asDouble(Double.NaN), currency), what);
                }
                assertCell(rec, row, "savings_pct", Numbers.percent(rec.path("savings_pct").asDouble(Double.NaN)), what);
                for (String count : List.of("holdout_current_breach_minutes", "holdout_recommended_breach_minutes")) {
                    assertCell(rec, row, count, Numbers.count(rec.path(count).asLong()), what);
                }
                assertCell(rec, row, "holdout_recommended_budget_burn",
                        Numbers.fixed(rec.path("holdout_recommended_budget_burn").asDouble(Double.NaN), 2), what);
            }

            // sorting by savings puts the rows in the order of their values
            JsonNode sorted = browser.eval("document.querySelector('th[data-key=savings_pct]').click();"
                    + "Array.from(document.querySelectorAll('#fleet-table tbody td[data-key=savings_pct]'))"
                    + ".map(td => td.dataset.value === '' ? null : Number(td.dataset.value))");
            List<Double> values = new ArrayList<>();
            sorted.forEach(v -> values.add(v.isNull() ? Double.NEGATIVE_INFINITY : v.asDouble()));
            List<Double> expected = new ArrayList<>(values);
            expected.sort(Double::compare);
            assertEquals(expected, values, "ascending by savings after one click");

            // every service page: every chart drawn
            List<String> services = new ArrayList<>();
            recs.forEach(r -> {
                if (!services.contains(r.get("service").asText())) {
                    services.add(r.get("service").asText());
                }
            });
            for (String service : services) {
                browser.eval("location.hash = 'service=' + encodeURIComponent('" + service + "')");
                browser.awaitReady("service:" + service);
                JsonNode charts = browser.eval("Array.from(document.querySelectorAll('figure.chart')).map(f => ({"
                        + "id: f.dataset.chart,"
                        + "marks: f.querySelectorAll('svg .data polygon, svg .data path[d^=M], svg .data circle').length,"
                        + "labels: Array.from(f.querySelectorAll('svg .axis-label')).map(t => t.textContent.trim()),"
                        + "ticks: f.querySelectorAll('svg .tick').length}))");
                long policies = 0;
                for (JsonNode r : recs) {
                    policies += r.get("service").asText().equals(service) ? 1 : 0;
                }
                // demand, replicas, latency, cost per day, the fitted curve, and a frontier per recommendation
                assertTrue(charts.size() >= 5, service + ": " + charts);
                for (JsonNode c : charts) {
                    assertTrue(c.get("marks").asInt() > 0, service + ": chart without data marks: " + c);
                    assertEquals(2, c.get("labels").size(), service + ": " + c);
                    c.get("labels").forEach(l -> assertFalse(l.asText().isEmpty(), service + ": empty axis label: " + c));
                    assertTrue(c.get("ticks").asInt() >= 4, service + ": too few tick labels: " + c);
                }
                long frontiers = 0;
                for (JsonNode c : charts) {
                    frontiers += c.get("id").asText().contains("-frontier-") ? 1 : 0;
                }
                long standing = 0;
                for (JsonNode r : recs) {
                    standing += r.get("service").asText().equals(service) && !r.get("status").asText().equals("CANNOT_RECOMMEND") ? 1 : 0;
                }
                assertEquals(standing, frontiers, service + ": a frontier per recommendation (" + policies + " policies)");
            }

            // one service page, zoomed: the time axis changes and the charts redraw
            String shown = services.get(0);
            browser.eval("location.hash = 'service=' + encodeURIComponent('" + shown + "')");
            browser.awaitReady("service:" + shown);
            browser.screenshot(Path.of("target", "report-service.png"));
            // figures for docs/BENCHMARKS.md (printed, never asserted: speed is measured, not tested)
            System.out.printf("report: %,d bytes, %d services; fleet page drawn in %.0f ms, %s's page in %.0f ms%n",
                    Files.size(html), services.size(), fleetMs, shown, browser.eval("window.scalewiseRenderMs").asDouble());
            // the picture in the README (docs/report.png is a copy of it)
            browser.screenshotTop(Path.of("target", "report-service-top.png"), 1280, 1180);
            JsonNode before = browser.eval("Array.from(document.querySelectorAll('figure.chart')[0].querySelectorAll('svg .tick')).map(t => t.textContent).join('|')");
            JsonNode after = browser.eval("document.querySelector('.controls button').click(); document.querySelector('.controls button').click();"
                    + "Array.from(document.querySelectorAll('figure.chart')[0].querySelectorAll('svg .tick')).map(t => t.textContent).join('|')");
            assertNotEquals(before.asText(), after.asText(), "zooming in changes the time axis");

            // offline: the page fetched nothing (its policy forbids it; this checks it asked for nothing)
            assertEquals(0, browser.eval("performance.getEntriesByType('resource').length").asInt());
            assertEquals(List.of(), browser.errors());
        }
        assertTrue(Files.size(Path.of("target", "report-fleet.png")) > 10_000);
        assertTrue(Files.size(Path.of("target", "report-service.png")) > 10_000);
    }

    @Test
    void backtestWritesTheSameReportWithItsOwnTableAndEveryChartDrawn() throws Exception {
        Files.createDirectories(OUT);
        Path html = OUT.resolve("backtest.html");
        SharedSpark.CliRun run = SharedSpark.cli("backtest", "--data", "sample-data", "--policies", "policies",
                "--from", "2026-10-12", "--to", "2026-10-18", "--format", "json", "--html", html.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode rows = MAPPER.readTree(run.out()).get("rows");
        try (Chromium browser = Chromium.start(1280, 900)) {
            browser.open(html.toAbsolutePath().toUri().toString(), "fleet");
            JsonNode page = browser.eval("Array.from(document.querySelectorAll('#fleet-table tbody tr')).map(tr => "
                    + "Object.fromEntries(Array.from(tr.children).map(td => [td.dataset.key, "
                    + "{value: td.dataset.value, text: td.textContent}])))");
            assertEquals(rows.size(), page.size());
            for (int i = 0; i < rows.size(); i++) {
                String what = rows.get(i).get("service").asText() + " / " + rows.get(i).get("policy").asText();
                String currency = "USD";
                assertCell(rows.get(i), page.get(i), "cost_per_1k",
                        Numbers.money(rows.get(i).path("cost_per_1k").asDouble(Double.NaN), currency), what);
                assertCell(rows.get(i), page.get(i), "breach_min", Numbers.count(rows.get(i).path("breach_min").asLong()), what);
                // issue 25: the LLM server's cost per million tokens and TTFT / TPOT breach minutes, empty for the rest
                assertCell(rows.get(i), page.get(i), "cost_per_1m_tok",
                        Numbers.money(rows.get(i).path("cost_per_1m_tok").asDouble(Double.NaN), currency), what);
                for (String key : List.of("ttft_breach_min", "tpot_breach_min")) {
                    assertCell(rows.get(i), page.get(i), key, Numbers.count(rows.get(i).path(key).asLong()), what);
                }
            }
            assertTrue(java.util.stream.StreamSupport.stream(rows.spliterator(), false).anyMatch(r ->
                    r.get("service").asText().equals("llm-api") && r.path("ttft_breach_min").isNumber()), "llm-api's rows");
            String service = rows.get(0).get("service").asText();
            browser.eval("location.hash = 'service=' + encodeURIComponent('" + service + "')");
            browser.awaitReady("service:" + service);
            JsonNode charts = browser.eval("Array.from(document.querySelectorAll('figure.chart')).map(f => "
                    + "f.querySelectorAll('svg .data polygon, svg .data path[d^=M], svg .data circle').length)");
            assertEquals(5, charts.size(), "demand, replicas, latency, cost per day, fitted curve: " + charts);
            charts.forEach(c -> assertTrue(c.asInt() > 0, "a chart without data marks: " + charts));
            assertEquals(List.of(), browser.errors());
        }
    }

    private static void assertCell(JsonNode rec, JsonNode row, String key, String text, String what) {
        JsonNode cell = row.path(key);
        assertFalse(cell.isMissingNode(), what + ": no cell " + key + " in " + row);
        JsonNode v = rec.get(key);
        if (v == null || v.isNull()) {
            assertEquals("", cell.path("value").asText(), what + " " + key);
            assertEquals(Numbers.UNKNOWN, cell.path("text").asText(), what + " " + key);
            return;
        }
        assertEquals(v.asDouble(), Double.parseDouble(cell.path("value").asText()), 0.0, what + " " + key);
        assertEquals(text, cell.path("text").asText(), what + " " + key);
    }
}
