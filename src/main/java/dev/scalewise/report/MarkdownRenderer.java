package dev.scalewise.report;

import java.io.PrintWriter;
import java.util.List;

/** A GitHub-flavoured markdown table (numbers right-aligned, totals in bold), e.g. for a PR comment. */
public final class MarkdownRenderer implements Renderer {
    @Override
    public void render(Table table, PrintWriter out) {
        List<Column> cols = table.columns();
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (Column c : cols) {
            header.append(' ').append(escape(c.name().replace('_', ' '))).append(" |");
            rule.append(c.numeric() ? "---:|" : "---|");
        }
        out.println(header);
        out.println(rule);
        for (List<Object> row : table.rows()) {
            out.println(row(cols, row, ""));
        }
        table.totals().ifPresent(t -> out.println(row(cols, t, "**")));
        out.flush();
    }

    private static String row(List<Column> cols, List<Object> row, String emphasis) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < row.size(); c++) {
            String v = escape(Cells.human(cols.get(c), row.get(c)));
            sb.append(' ').append(v.isEmpty() ? v : emphasis + v + emphasis).append(" |");
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
