package dev.scalewise.report;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV with a header row; numbers at full precision, unknown values empty. */
public final class CsvRenderer implements Renderer {
    @Override
    public void render(Table table, PrintWriter out) {
        out.print(String.join(",", table.columns().stream().map(c -> quote(c.name())).toList()));
        out.print("\r\n");
        for (List<Object> row : table.rows()) {
            out.print(String.join(",", row.stream().map(v -> quote(Cells.exact(v))).toList()));
            out.print("\r\n");
        }
        out.flush();
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
