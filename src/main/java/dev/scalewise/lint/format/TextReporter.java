package dev.scalewise.lint.format;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Human output: findings grouped by file, one line each, then a summary line. */
final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    private final ReportSettings settings;

    TextReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Map<String, List<Finding>> byFile = report.findings().stream()
                .collect(Collectors.groupingBy(f -> f.location().file(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            out.write(paint(BOLD, settings.relativePath(e.getKey())) + "\n");
            for (Finding f : e.getValue()) {
                String at = f.location().line() > 0 ? f.location().line() + ":" + f.location().column() : "-";
                out.write(String.format("  %-7s %s %s %s %s%n", at,
                        paint(color(f.severity()), String.format("%-7s", f.severity().id())),
                        paint(DIM, f.ruleId()), f.message(), paint(DIM, "[" + f.object().display() + "]")));
            }
            out.write("\n");
        }
        out.write(summary(report) + "\n");
    }

    static String summary(LintReport r) {
        long files = r.findings().stream().map(f -> f.location().file()).distinct().count();
        String problems = r.findings().isEmpty() ? "No problems"
                : plural(r.findings().size(), "problem") + " (" + plural(r.count(Severity.ERROR), "error") + ", "
                + plural(r.count(Severity.WARNING), "warning") + ", " + r.count(Severity.INFO) + " info) in "
                + plural(files, "file");
        return problems + "; " + plural(r.sources().size(), "file") + " read, " + plural(r.rules().size(), "rule")
                + (r.suppressed() > 0 ? ", " + r.suppressed() + " suppressed" : "") + ".";
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private String color(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
        };
    }

    private String paint(String code, String text) {
        return settings.color() ? code + text + RESET : text;
    }
}
