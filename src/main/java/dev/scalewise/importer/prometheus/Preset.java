package dev.scalewise.importer.prometheus;

import java.util.Map;

/**
 * The queries of one serving stack (vLLM, Triton, ...) for the columns it can fill.
 *
 * @param docs where its metric names are documented upstream
 */
public record Preset(String name, String description, String docs, Map<Column, QueryTemplate> queries) {
    public Preset {
        queries = Map.copyOf(queries);
    }
}
