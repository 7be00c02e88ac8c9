package dev.scalewise.importer.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.UserError;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the values cost exports hold (strings in CSV, typed values in Parquet, JSON) into the
 * contract's: instants, doubles, tag maps. Every refusal names the file, the row and the column.
 */
final class Values {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "2026-10-05 14:00:00", "2026-10-05T14:00:00.000", optionally " UTC" (BigQuery's CSV). */
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd").optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Values() {
    }

    /** Column names compared without case and underscores: ChargePeriodStart = chargeperiodstart = charge_period_start. */
    static String normalize(String column) {
        return column.replace("_", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    static long instantMs(Object v, String where) {
        if (v instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (v instanceof Number n) {
            return n.longValue(); // epoch milliseconds, as the contract's CSV allows
        }
        String s = text(v).strip();
        try {
            if (s.endsWith(" UTC")) {
                s = s.substring(0, s.length() - 4).strip();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(s.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UserError(where + ": expected a timestamp (ISO-8601, e.g. 2026-10-05T14:00:00Z), found '" + s + "'");
        }
    }

    /** A number, or null for an empty value. */
    static Double number(Object v, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        String s = text(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserError(where + ": expected a number, found '" + s + "'");
        }
    }

    static String text(Object v) {
        return v == null ? null : v.toString();
    }

    static String textOrNull(Object v) {
        String s = text(v);
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Tags as exports carry them: a map (AWS FOCUS and CUR 2.0 Parquet), a JSON object string (Azure,
     * with or without the outer braces its older exports leave off), or a list of key/value pairs
     * (Google's BigQuery export, as JSON or as Parquet structs). Non-string values become their text.
     */
    static SortedMap<String, String> tags(Object v, String where) {
        SortedMap<String, String> out = new TreeMap<>();
        if (v == null) {
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, val) -> {
                if (k != null && val != null) {
                    out.put(k.toString(), val.toString());
                }
            });
            return out;
        }
        if (v instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> kv && kv.get("key") != null && kv.get("value") != null) {
                    out.put(kv.get("key").toString(), kv.get("value").toString());
                }
            }
            return out;
        }
        String s = text(v).strip();
        if (s.isEmpty() || s.equals("{}") || s.equals("[]")) {
            return out;
        }
        if (!s.startsWith("{") && !s.startsWith("[")) {
            s = "{" + s + "}";
        }
        JsonNode node;
        try {
            node = JSON.readTree(s);
        } catch (IOException e) {
            throw new UserError(where + ": expected tags as a JSON object ({\"service\": \"llm-chat\"}) or a list of"
                    + " {\"key\", \"value\"} pairs, found '" + abbreviate(s) + "'");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().toString()));
        } else if (node.isArray()) {
            for (JsonNode kv : node) {
                if (kv.hasNonNull("key") && kv.hasNonNull("value")) {
                    out.put(kv.get("key").asText(), kv.get("value").asText());
                }
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
