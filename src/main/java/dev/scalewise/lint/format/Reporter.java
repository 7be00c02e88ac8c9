package dev.scalewise.lint.format;

import dev.scalewise.lint.LintReport;

import java.io.IOException;
import java.io.Writer;

/** Renders a lint report in one format. */
public interface Reporter {
    void write(LintReport report, Writer out) throws IOException;
}
