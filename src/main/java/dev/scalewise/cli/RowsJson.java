package dev.scalewise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Result rows with nested columns (arrays of structs) as one JSON document: every column, as the jobs read
 * them back (a nested row as a map, an array as a list).
 */
final class RowsJson {
    private RowsJson() {
    }

    /** {@code {key: [row...], "dataQuality": ..., "assumption": ...}}. */
    static String render(String key, List<Map<String, Object>> rows, Map<String, Object> quality) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode array = doc.putArray(key);
        try {
            for (Map<String, Object> r : rows) {
                array.add(mapper.valueToTree(r));
            }
            doc.set("dataQuality", mapper.valueToTree(quality));
            doc.put("assumption", "the load balancer spreads demand evenly over ready replicas");
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + key + " as JSON", e);
        }
    }
}
