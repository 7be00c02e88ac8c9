package dev.scalewise.report;

import java.io.PrintWriter;
import java.util.List;

/** A GitHub-flavoured markdown table (numbers right-aligned), e.g. for a PR comment or a report. */
public final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Table table, PrintWriter out) {
        List<Column> cols = table.columns();
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column c : cols) {
            header.append(' ').append(escape(c.name())).append(" |");
            rule.append(c.numeric() ? "---:|" : "---|");
        }
        out.println(header);
        out.println(rule);
        for (List<Object> row : table.rows()) {
            StringBuilder sb = new StringBuilder("|");
            for (Object v : row) {
                sb.append(' ').append(escape(Cells.human(v))).append(" |");
            }
            out.println(sb);
        }
        out.flush();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
