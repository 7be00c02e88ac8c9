package dev.scalewise.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of typed values under named columns, an optional totals row (only where a total means
 * something: people's formats print it under a rule, json as the section "totals"), plus extra
 * sections (plain maps, lists, strings and numbers) that only structured formats show (json), e.g. a
 * data-quality report. Unknown numbers are NaN, unknown text is "": a table holds no null.
 */
public record Table(List<Column> columns, List<List<Object>> rows, Optional<List<Object>> totals,
                    Map<String, Object> sections) {
    public Table {
        List<Column> cols = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            copy.add(checked(r, cols));
        }
        columns = cols;
        rows = List.copyOf(copy);
        totals = totals.map(t -> checked(t, cols));
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public Table(List<Column> columns, List<List<Object>> rows) {
        this(columns, rows, Optional.empty(), Map.of());
    }

    public Table withSection(String name, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(sections);
        s.put(name, value);
        return new Table(columns, rows, totals, s);
    }

    public Table withTotals(List<Object> row) {
        return new Table(columns, rows, Optional.of(row), sections);
    }

    /** The table without its detail columns (the default terminal table). */
    public Table withoutDetail() {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).detail()) {
                kept.add(c);
            }
        }
        if (kept.size() == columns.size()) {
            return this;
        }
        List<List<Object>> r = new ArrayList<>();
        rows.forEach(row -> r.add(kept.stream().map(row::get).toList()));
        return new Table(kept.stream().map(columns::get).toList(), r,
                totals.map(t -> kept.stream().map(t::get).toList()), sections);
    }

    private static List<Object> checked(List<Object> r, List<Column> columns) {
        if (r.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + r.size() + " values for " + columns.size() + " columns");
        }
        return List.copyOf(r);
    }
}
