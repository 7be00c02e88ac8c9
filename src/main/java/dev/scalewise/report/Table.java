package dev.scalewise.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of typed values under named columns, plus extra sections (plain maps, lists, strings and numbers)
 * that only structured formats show (json), e.g. a data-quality report. Unknown numbers are NaN, unknown
 * text is "": a table holds no null.
 */
public record Table(List<Column> columns, List<List<Object>> rows, Map<String, Object> sections) {
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " values for " + columns.size() + " columns");
            }
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public Table(List<Column> columns, List<List<Object>> rows) {
        this(columns, rows, Map.of());
    }

    public Table withSection(String name, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(sections);
        s.put(name, value);
        return new Table(columns, rows, s);
    }
}
