package dev.scalewise.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Aligned columns for a terminal: numbers right-aligned, text left-aligned, two spaces apart. */
public final class TableRenderer implements Renderer {
    @Override
    public void render(Table table, PrintWriter out) {
        List<Column> cols = table.columns();
        int[] width = new int[cols.size()];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            width[c] = cols.get(c).name().length();
        }
        for (List<Object> row : table.rows()) {
            String[] r = new String[cols.size()];
            for (int c = 0; c < r.length; c++) {
                r[c] = Cells.human(row.get(c));
                width[c] = Math.max(width[c], r[c].length());
            }
            cells.add(r);
        }
        String[] header = cols.stream().map(Column::name).toArray(String[]::new);
        out.println(line(header, cols, width));
        for (String[] r : cells) {
            out.println(line(r, cols, width));
        }
        out.flush();
    }

    private static String line(String[] values, List<Column> cols, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[c] - values[c].length());
            sb.append(cols.get(c).numeric() ? pad + values[c] : values[c] + (c == values.length - 1 ? "" : pad));
        }
        return sb.toString();
    }
}
