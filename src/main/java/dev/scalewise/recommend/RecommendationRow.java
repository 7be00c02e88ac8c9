package dev.scalewise.recommend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recommendation as its result row holds it, read back where the answer is shown: the recommendation
 * without its replayed evidence (status, reason, knobs: what the manifest editor needs), and every column
 * of the row by name, in order (a nested row as a map, an array as a list; null where the row has none),
 * for the figures a format shows.
 *
 * @param recommendation its {@code policy} is the label results use ({@code controller/name})
 */
public record RecommendationRow(Recommendation recommendation, Map<String, Object> columns) {
    public RecommendationRow {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
