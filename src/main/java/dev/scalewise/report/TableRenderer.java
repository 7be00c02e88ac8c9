package dev.scalewise.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for a terminal: numbers right-aligned and rounded for people ({@link Cells}), text
 * left-aligned, two spaces apart, a rule and the totals row when the table has one. Within a width
 * (120 columns by default) the table fits: detail columns are left out and, only if it is still too
 * wide, numeric columns' headers break onto two lines where that makes them narrower, then the widest
 * text cells are cut with "…".
 * With no width (--wide) every column is shown whole.
 */
public final class TableRenderer implements Renderer {
    /** What the default table fits (issue 20): a terminal of 120 columns. */
    public static final int DEFAULT_WIDTH = 120;
    /** A text column is not cut below this. */
    static final int MIN_TEXT = 10;
    private static final String GAP = "  ";

    private final int maxWidth;

    public TableRenderer() {
        this(DEFAULT_WIDTH);
    }

    /** @param maxWidth columns to fit, or 0 for no limit (every column, whole) */
    public TableRenderer(int maxWidth) {
        this.maxWidth = maxWidth;
    }

    @Override
    public void render(Table table, PrintWriter out) {
        Table shown = maxWidth > 0 ? table.withoutDetail() : table;
        List<Column> cols = shown.columns();
        int n = cols.size();
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : shown.rows()) {
            cells.add(format(cols, row));
        }
        String[] totals = shown.totals().map(t -> format(cols, t)).orElse(null);
        int[] values = new int[n];
        for (int c = 0; c < n; c++) {
            for (String[] r : cells) {
                values[c] = Math.max(values[c], r[c].length());
            }
            if (totals != null) {
                values[c] = Math.max(values[c], totals[c].length());
            }
        }
        String[][] header = new String[n][];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            header[c] = new String[] {cols.get(c).name().replace('_', ' ')};
        }
        widths(header, values, width);
        if (maxWidth > 0 && total(width) > maxWidth) {
            for (int c = 0; c < n; c++) {
                if (cols.get(c).numeric()) {
                    header[c] = twoLines(header[c][0], values[c]);
                }
            }
            widths(header, values, width);
            fit(cols, width);
        }
        int headerLines = 1;
        for (String[] h : header) {
            headerLines = Math.max(headerLines, h.length);
        }
        for (int line = 0; line < headerLines; line++) {
            String[] text = new String[n];
            for (int c = 0; c < n; c++) {
                int from = headerLines - header[c].length;
                text[c] = line >= from ? header[c][line - from] : "";
            }
            out.println(line(text, cols, width));
        }
        for (String[] r : cells) {
            out.println(line(r, cols, width));
        }
        if (totals != null) {
            out.println(rule(width));
            out.println(line(totals, cols, width));
        }
        out.flush();
    }

    private static void widths(String[][] header, int[] values, int[] width) {
        for (int c = 0; c < width.length; c++) {
            width[c] = values[c];
            for (String h : header[c]) {
                width[c] = Math.max(width[c], h.length());
            }
        }
    }

    private static int total(int[] width) {
        int total = GAP.length() * (width.length - 1);
        for (int w : width) {
            total += w;
        }
        return total;
    }

    private static String[] format(List<Column> cols, List<Object> row) {
        String[] r = new String[cols.size()];
        for (int c = 0; c < r.length; c++) {
            r[c] = Cells.human(cols.get(c), row.get(c));
        }
        return r;
    }

    /** The header on two lines, split at the space that makes it narrowest, if that is narrower than one line. */
    static String[] twoLines(String name, int valueWidth) {
        if (name.length() <= valueWidth) {
            return new String[] {name};
        }
        String[] best = {name};
        int bestWidth = name.length();
        for (int i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
            int w = Math.max(i, name.length() - i - 1);
            if (w < bestWidth) {
                bestWidth = w;
                best = new String[] {name.substring(0, i), name.substring(i + 1)};
            }
        }
        return best;
    }

    /** Narrows the widest text columns (never below {@link #MIN_TEXT}) until the table fits, if it can. */
    private void fit(List<Column> cols, int[] width) {
        int total = total(width);
        while (total > maxWidth) {
            int widest = -1;
            for (int c = 0; c < width.length; c++) {
                if (!cols.get(c).numeric() && width[c] > MIN_TEXT && (widest < 0 || width[c] > width[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            width[widest]--;
            total--;
        }
    }

    private static String line(String[] values, List<Column> cols, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            if (c > 0) {
                sb.append(GAP);
            }
            String v = values[c].length() > width[c] ? values[c].substring(0, width[c] - 1) + "…" : values[c];
            String pad = " ".repeat(width[c] - v.length());
            sb.append(cols.get(c).numeric() ? pad + v : v + (c == values.length - 1 ? "" : pad));
        }
        return sb.toString().stripTrailing();
    }

    private static String rule(int[] width) {
        return "-".repeat(total(width));
    }
}
