package dev.scalewise.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one load-test run as a {@link LoadTestPoint}. The fields used (docs/replay.md, "Stating capacity";
 * docs/tokens.md for TTFT and TPOT):
 * <ul>
 *   <li><b>vLLM</b> result JSON ({@code vllm bench serve --save-result}, {@code benchmarks/benchmark_serving.py}):
 *       {@code request_throughput} (requests/s), {@code completed} (> 0), and per metric {@code e2el}, {@code ttft},
 *       {@code tpot} its median ({@code median_X_ms}, or {@code p50_X_ms}), {@code p95_X_ms} and {@code p99_X_ms}:
 *       written for the metrics named by {@code --percentile-metrics} (default ttft,tpot,itl) at the percentiles
 *       named by {@code --metric-percentiles} (default 99); {@code total_input_tokens}, {@code total_output_tokens}
 *       and {@code duration} for tokens;</li>
 *   <li><b>Locust</b> {@code *_stats.csv}: the row whose Name is {@code Aggregated}, its {@code Requests/s}
 *       and the percentile columns {@code 50%}, {@code 95%}, {@code 99%} (ms), {@code Request Count} (> 0);</li>
 *   <li><b>k6</b> summary JSON: {@code metrics.http_reqs} {@code rate} and {@code metrics.http_req_duration}
 *       {@code med}, {@code p(95)}, {@code p(99)} (ms), at the top of each metric ({@code --summary-export})
 *       or under its {@code values} ({@code handleSummary} data); p(99) needs {@code --summary-trend-stats}.</li>
 * </ul>
 * Locust and k6 time whole requests: they have no time to first token or per output token. A file that lacks what
 * is needed is a user error naming the file, the field expected and what was found.
 */
public final class LoadTestReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadTestReader() {
    }

    /** @param format the format services.yaml names; empty = told from the content */
    public static LoadTestPoint read(String file, byte[] bytes, Optional<LoadTestFormat> format) {
        LoadTestFormat f = format.or(() -> LoadTestFormat.detect(bytes)).orElseThrow(() -> new UserError(file
                + ": not a load-test output Scalewise reads: expected vLLM benchmark_serving result JSON (with "
                + "request_throughput), a Locust *_stats.csv (with a Requests/s column) or a k6 summary JSON (with "
                + "metrics.http_req_duration); name the format with 'format: vllm|locust|k6'"));
        return switch (f) {
            case VLLM -> vllm(file, json(file, bytes));
            case LOCUST -> locust(file, new String(bytes, StandardCharsets.UTF_8));
            case K6 -> k6(file, json(file, bytes));
        };
    }

    /** The file's one JSON object; vLLM's --append-result adds runs one after another, which readTree would drop. */
    private static JsonNode json(String file, byte[] bytes) {
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(bytes)) {
            JsonNode root = values.hasNextValue() ? values.nextValue() : null;
            if (root == null || !root.isObject()) {
                throw new UserError(file + ": expected a JSON object, found " + (root == null ? "nothing" : root.getNodeType()));
            }
            int runs = 1;
            for (; values.hasNextValue(); values.nextValue()) {
                runs++;
            }
            if (runs > 1) {
                throw new UserError(file + ": expected one run, found " + runs + " results one after another (as vllm "
                        + "bench serve --append-result writes them): put each run in a file of its own");
            }
            return root;
        } catch (IOException e) {
            throw new UserError(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static LoadTestPoint vllm(String file, JsonNode root) {
        String source = file + " (vLLM benchmark_serving)";
        double rps = number(file, root, "request_throughput", true);
        double completed = number(file, root, "completed", false);
        if (!(completed > 0) && root.has("completed")) {
            throw new UserError(file + ": completed: expected requests completed in the run (> 0), found " + completed);
        }
        Map<LatencyMeasure, MeasuredLatency> latencies = new EnumMap<>(LatencyMeasure.class);
        for (LatencyMeasure m : LatencyMeasure.values()) {
            latencies.put(m, vllmMeasure(file, root, m));
        }
        double input = number(file, root, "total_input_tokens", false);
        double output = number(file, root, "total_output_tokens", false);
        double duration = Double.NaN;
        if (!Double.isNaN(input) && !Double.isNaN(output)) {
            duration = number(file, root, "duration", true);
            if (!(duration > 0)) {
                throw new UserError(file + ": duration: expected the run's seconds (> 0), found " + duration);
            }
        }
        return point(file, new LoadTestPoint(rps, latencies, source, LoadTestFormat.VLLM, input / duration,
                output / duration), "no latency percentiles (median_, p95_ or p99_ of ttft, tpot or e2el): run "
                + "benchmark_serving with --percentile-metrics ttft,tpot,e2el --metric-percentiles 50,95,99");
    }

    /**
     * vLLM writes mean_, median_, std_ and one p{N}_ field per --metric-percentiles for each of its
     * --percentile-metrics (vllm/benchmarks/serve.py, process_one_metric); the median is the 50th percentile.
     */
    private static MeasuredLatency vllmMeasure(String file, JsonNode root, LatencyMeasure m) {
        String key = m.vllmKey();
        String median = "median_" + key + "_ms";
        double p50 = root.has(median) ? number(file, root, median, true) : number(file, root, "p50_" + key + "_ms", false);
        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (f.matches("(mean|median|std|p[0-9.]+)_" + key + "_ms")) {
                fields.add(f);
            }
        });
        return new MeasuredLatency(p50, number(file, root, "p95_" + key + "_ms", false),
                number(file, root, "p99_" + key + "_ms", false), fields);
    }

    static LoadTestPoint k6(String file, JsonNode root) {
        String source = file + " (k6 summary)";
        JsonNode metrics = root.path("metrics");
        JsonNode duration = values(metrics.path("http_req_duration"));
        JsonNode reqs = values(metrics.path("http_reqs"));
        if (duration.isMissingNode() || reqs.isMissingNode()) {
            throw new UserError(file + ": expected metrics.http_req_duration and metrics.http_reqs (k6 summary JSON), "
                    + "found metrics " + fieldNames(metrics));
        }
        double rps = number(file, reqs, "rate", true);
        List<String> stats = new ArrayList<>();
        duration.fieldNames().forEachRemaining(stats::add);
        MeasuredLatency e2e = new MeasuredLatency(number(file, duration, "med", false), number(file, duration, "p(95)", false),
                number(file, duration, "p(99)", false), stats);
        return point(file, endToEnd(rps, e2e, source, LoadTestFormat.K6),
                "no http_req_duration percentiles (med, p(95), p(99))");
    }

    /** A k6 metric's statistics: under "values" (handleSummary data) or at its top (--summary-export). */
    private static JsonNode values(JsonNode metric) {
        return metric.has("values") && metric.get("values").isObject() ? metric.get("values") : metric;
    }

    static LoadTestPoint locust(String file, String text) {
        String source = file + " (Locust stats)";
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new UserError(file + ": empty; expected a Locust *_stats.csv with a header row");
        }
        List<String> header = csvCells(lines.get(0));
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            at.put(header.get(i).trim(), i);
        }
        for (String column : List.of("Name", "Requests/s", "Request Count")) {
            if (!at.containsKey(column)) {
                throw new UserError(file + ":1: expected a Locust stats header with column '" + column + "', found "
                        + header);
            }
        }
        List<String> percentiles = header.stream().map(String::trim).filter(h -> h.endsWith("%")).toList();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = csvCells(lines.get(n));
            if (cells.size() > at.get("Name") && cells.get(at.get("Name")).equals("Aggregated")) {
                String where = file + ":" + (n + 1);
                double count = cell(where, cells, at, "Request Count", true);
                if (!(count > 0)) {
                    throw new UserError(where + ": Request Count: expected requests in the run (> 0), found " + count);
                }
                MeasuredLatency e2e = new MeasuredLatency(cell(where, cells, at, "50%", false),
                        cell(where, cells, at, "95%", false), cell(where, cells, at, "99%", false), percentiles);
                return point(where, endToEnd(cell(where, cells, at, "Requests/s", true), e2e, source, LoadTestFormat.LOCUST),
                        "no percentile columns 50%, 95%, 99%");
            }
        }
        throw new UserError(file + ": no row named 'Aggregated' (the run's total); expected the *_stats.csv Locust writes");
    }

    /** A run that times whole requests and reports no tokens (Locust, k6). */
    private static LoadTestPoint endToEnd(double rps, MeasuredLatency e2e, String source, LoadTestFormat format) {
        return new LoadTestPoint(rps, Map.of(LatencyMeasure.E2E, e2e), source, format, Double.NaN, Double.NaN);
    }

    /** The point, once it has a throughput and some latency percentile to read. */
    private static LoadTestPoint point(String where, LoadTestPoint p, String missing) {
        if (!(p.rps() > 0)) {
            throw new UserError(where + ": expected a throughput above 0 requests/s, found " + p.rps());
        }
        if (p.latencies().values().stream().noneMatch(MeasuredLatency::any)) {
            throw new UserError(where + ": " + missing);
        }
        return p;
    }

    /** A number field; NaN when absent and not required; a user error when present but not a number. */
    private static double number(String file, JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new UserError(file + ": expected the number field '" + field + "', found none (fields: "
                        + fieldNames(node) + ")");
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new UserError(file + ": " + field + ": expected a number, found " + v);
        }
        return v.asDouble();
    }

    private static double cell(String where, List<String> cells, Map<String, Integer> at, String column, boolean required) {
        Integer i = at.get(column);
        if (i == null || i >= cells.size() || cells.get(i).isBlank() || cells.get(i).equals("N/A")) {
            if (required) {
                throw new UserError(where + ": expected a value in column '" + column + "', found none");
            }
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cells.get(i).trim());
        } catch (NumberFormatException e) {
            throw new UserError(where + ": " + column + ": expected a number, found '" + cells.get(i) + "'");
        }
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.size() > 12 ? names.subList(0, 12) + "..." : names.toString();
    }

    /** One CSV line into cells: commas outside double quotes split, "" inside quotes is a quote. */
    public static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
