package dev.scalewise.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.Numbers;
import dev.scalewise.UserError;
import dev.scalewise.jobs.ReportJob;
import dev.scalewise.recommend.RecommendationRow;
import dev.scalewise.report.Format;
import dev.scalewise.report.Table;
import dev.scalewise.report.html.HtmlReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link ReportJob.Result} into the HTML report file (report, recommend --html). */
final class ReportFile {
    static final String ASSUMPTION = "the load balancer spreads demand evenly over ready replicas";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportFile() {
    }

    /**
     * Before any work (as --out directories are checked): the file can be written: it is not a
     * directory, and the nearest existing folder on its path is a writable directory.
     */
    static void checkWritable(String option, String file) {
        Path p = Path.of(file).toAbsolutePath();
        if (Files.isDirectory(p)) {
            throw new UserError(option + " " + file + " is a directory; name the file to write");
        }
        Path existing = p.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError(option + " " + file + ": " + existing + " is a file, not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new UserError(option + " " + file + " is not writable: " + existing + " refuses new files");
        }
    }

    static void write(ReportJob.Result result, String data, String file, PrintWriter err) {
        List<ObjectNode> fleet = new ArrayList<>();
        for (RecommendationRow r : result.recommendations()) {
            fleet.add(json(r));
        }
        List<String> notes = new ArrayList<>(result.quality().lines());
        notes.add("Replayed with " + ASSUMPTION + " (docs/replay.md); costs and breach minutes of policies are "
                + "modeled on the held-out part of the history, monthly figures are 30 days at its rate");
        write(new HtmlReport.Content(title(result.panes()), "Recommendations from " + data + range(result.panes())
                + generated(), "recommend", fleet, totals(fleet), notes, result.panes()), file, err);
    }

    /** The report of a backtest: its comparison table's rows (as backtest --format json has them) and panes. */
    static void writeBacktest(Table comparison, Map<String, ObjectNode> panes, List<String> quality, String data,
                              String file, PrintWriter err) {
        StringWriter json = new StringWriter();
        Format.JSON.renderer().render(comparison, new PrintWriter(json));
        List<ObjectNode> fleet = new ArrayList<>();
        try {
            for (JsonNode row : MAPPER.readTree(json.toString()).get("rows")) {
                ObjectNode r = (ObjectNode) row;
                JsonNode pane = panes.get(r.path("service").asText());
                r.put("currency", pane == null ? "" : pane.path("currency").asText(""));
                fleet.add(r);
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        List<String> notes = new ArrayList<>(quality);
        notes.add("Replayed with " + ASSUMPTION + " (docs/replay.md) over the whole range, with the model fitted on it");
        write(new HtmlReport.Content(title(panes), "Backtest of " + data + range(panes) + generated(), "backtest",
                fleet, null, notes, panes), file, err);
    }

    private static void write(HtmlReport.Content content, String file, PrintWriter err) {
        try {
            long bytes = HtmlReport.write(content, Path.of(file));
            err.println("scalewise: wrote " + file + " (" + Numbers.count(Math.round(bytes / 1024.0)) + " KiB, "
                    + content.panes().size() + " service pages)");
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + file + ": " + e.getMessage());
        }
    }

    private static String title(Map<String, ObjectNode> panes) {
        return "Scalewise report: " + panes.size() + " service" + (panes.size() == 1 ? "" : "s");
    }

    private static String generated() {
        return "; generated " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Per service the observed run and, where a policy's recommendation stands, the cheapest of them,
     * summed over the fleet: totals of alternatives (several policies of one service) would mean nothing.
     */
    static String totals(List<ObjectNode> fleet) {
        Map<String, double[]> perService = new LinkedHashMap<>();
        String currency = null;
        for (ObjectNode r : fleet) {
            String c = r.path("currency").asText("");
            if (c.isEmpty() || (currency != null && !currency.equals(c))) {
                return null;
            }
            currency = c;
            double observed = number(r, "monthly_observed");
            double recommended = r.path("status").asText().equals("RECOMMENDED") ? number(r, "monthly_recommended")
                    : observed;
            double[] s = perService.computeIfAbsent(r.path("service").asText(), k -> new double[] {observed, observed});
            s[1] = Math.min(s[1], recommended);
        }
        double observed = 0;
        double best = 0;
        for (double[] s : perService.values()) {
            if (!Double.isFinite(s[0] + s[1])) {
                return null;
            }
            observed += s[0];
            best += s[1];
        }
        if (perService.isEmpty() || !(observed > 0)) {
            return null;
        }
        return "Fleet per 30 days at the holdout's rate: " + Numbers.money(observed, currency) + " as observed; "
                + Numbers.money(best, currency) + " with the cheapest standing recommendation per service (or as "
                + "observed where none stands): " + Numbers.percent((observed - best) / observed * 100) + " less.";
    }

    private static double number(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static String range(Map<String, ObjectNode> panes) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ObjectNode p : panes.values()) {
            start = Math.min(start, p.get("start").asLong());
            end = Math.max(end, p.get("start").asLong() + p.get("buckets").asLong() * p.get("bucketSeconds").asLong());
        }
        if (start > end) {
            return "";
        }
        return ", " + LocalDate.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC) + " to "
                + LocalDate.ofInstant(Instant.ofEpochSecond(end - 1), ZoneOffset.UTC);
    }

    /** A recommendation row as recommend --format json prints it. */
    static ObjectNode json(RecommendationRow r) {
        return MAPPER.valueToTree(r.columns());
    }
}
