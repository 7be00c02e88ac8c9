package dev.scalewise.lint.format;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintReport;

import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=T::message}), which the
 * runner turns into annotations on the pull request. Escaping as in actions/toolkit
 * packages/core/src/command.ts: in the message %, CR and LF; in property values also ':' and ','.
 */
final class GithubReporter implements Reporter {
    private final ReportSettings settings;

    GithubReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            StringBuilder b = new StringBuilder("::").append(command).append(" file=").append(escapeProperty(settings.relativePath(f.location().file())));
            if (f.location().line() > 0) {
                b.append(",line=").append(f.location().line()).append(",col=").append(f.location().column());
            }
            b.append(",title=").append(escapeProperty(f.ruleId() + " " + f.object().display()));
            b.append("::").append(escapeData(f.message()));
            out.write(b.append('\n').toString());
        }
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
