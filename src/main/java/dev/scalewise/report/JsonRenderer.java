package dev.scalewise.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object: {"rows": [{column: value, ...}], "totals": {...} when the table has them, then each
 * section by name}. Numbers stay numbers
 * (unknown = null), dates are ISO-8601 strings.
 */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void render(Table table, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(object(table, row));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", rows);
        table.totals().ifPresent(t -> doc.put("totals", object(table, t)));
        doc.putAll(table.sections());
        try {
            out.println(MAPPER.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static Map<String, Object> object(Table table, List<Object> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int c = 0; c < row.size(); c++) {
            m.put(table.columns().get(c).name(), jsonValue(row.get(c)));
        }
        return m;
    }

    private static Object jsonValue(Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (v instanceof Instant || v instanceof LocalDate) {
            return v.toString();
        }
        return v;
    }
}
