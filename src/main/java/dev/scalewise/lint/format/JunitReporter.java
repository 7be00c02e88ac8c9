package dev.scalewise.lint.format;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.ObjectRef;
import dev.scalewise.lint.RuleMeta;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JUnit XML as GitLab and Jenkins read it: one testsuite per rule, one testcase per rule x object, a
 * failure per finding (several findings of one rule on one object share a testcase). Objects with no
 * finding are passing testcases, so the report also shows what was checked.
 */
final class JunitReporter implements Reporter {
    private final ReportSettings settings;

    JunitReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        Map<String, List<Finding>> byCheck = report.findings().stream()
                .collect(Collectors.groupingBy(f -> key(f.ruleId(), f.object())));
        Function<LintReport.Check, List<Finding>> findingsOf = c -> byCheck.getOrDefault(key(c.rule().id(), c.object()), List.of());
        long failures = report.checks().stream().filter(c -> !findingsOf.apply(c).isEmpty()).count();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"scalewise lint\" tests=\"" + report.checks().size() + "\" failures=\"" + failures
                + "\" errors=\"0\">\n");
        for (RuleMeta rule : report.rules()) {
            List<LintReport.Check> checks = report.checks().stream().filter(c -> c.rule().id().equals(rule.id())).toList();
            if (checks.isEmpty()) {
                continue; // a rule with nothing in scope (no KEDA objects, no suppressions) is no test suite
            }
            long ruleFailures = checks.stream().filter(c -> !findingsOf.apply(c).isEmpty()).count();
            out.write("  <testsuite name=\"" + xml(rule.id() + " " + rule.name()) + "\" tests=\"" + checks.size()
                    + "\" failures=\"" + ruleFailures + "\" errors=\"0\" skipped=\"0\">\n");
            for (LintReport.Check c : checks) {
                String file = settings.relativePath(c.object().source());
                out.write("    <testcase classname=\"" + xml(rule.id() + "." + rule.name()) + "\" name=\""
                        + xml(c.object().display() + " (" + file + ")") + "\" file=\"" + xml(file) + "\"");
                List<Finding> fs = findingsOf.apply(c);
                if (fs.isEmpty()) {
                    out.write("/>\n");
                    continue;
                }
                out.write(">\n");
                StringBuilder body = new StringBuilder();
                for (Finding f : fs) {
                    body.append(settings.relativePath(f.location().file())).append(':').append(f.location().line())
                            .append(':').append(f.location().column()).append(' ').append(f.severity().id())
                            .append(' ').append(f.message()).append('\n');
                }
                out.write("      <failure type=\"" + fs.get(0).severity().id() + "\" message=\"" + xml(fs.get(0).message())
                        + "\">" + xml(body.toString() + "\n" + rule.remediation()) + "</failure>\n");
                out.write("    </testcase>\n");
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    private static String key(String ruleId, ObjectRef o) {
        return ruleId + "\u0000" + o;
    }

    /** Escapes XML text and attribute values and drops characters XML 1.0 cannot carry. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (legal) {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
