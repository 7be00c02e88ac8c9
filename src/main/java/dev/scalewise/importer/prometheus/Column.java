package dev.scalewise.importer.prometheus;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A contract column a query fills, named as in the presets and in a {@code --queries} file. The
 * latency, TTFT and TPOT queries are each one template with {@code ${quantile}}, run once per percentile
 * asked for.
 */
public enum Column {
    REQUESTS("requests", "requests"),
    ERRORS("requests", "errors"),
    IN_FLIGHT("requests", "in_flight"),
    QUEUE_DEPTH("requests", "queue_depth"),
    REPLICAS("requests", "replicas"),
    PROMPT_TOKENS("requests", "prompt_tokens"),
    GENERATION_TOKENS("requests", "generation_tokens"),
    /** The HPA's desired replicas: no contract column, shown beside the ready replicas in the summary. */
    DESIRED_REPLICAS("", "desired_replicas"),
    LATENCY_MS("latency", "latency_ms"),
    TTFT_MS("latency", "ttft_ms"),
    TPOT_MS("latency", "tpot_ms"),
    GPU_UTIL("gpu", "gpu_util"),
    SM_ACTIVE("gpu", "sm_active"),
    FB_USED_BYTES("gpu", "fb_used_bytes"),
    CPU_UTIL("gpu", "cpu_util"),
    MEM_UTIL("gpu", "mem_util"),
    KV_CACHE_UTIL("gpu", "kv_cache_util"),
    GPU_MEM_UTIL("gpu", "gpu_mem_util");

    private final String dataset;
    private final String key;

    Column(String dataset, String key) {
        this.dataset = dataset;
        this.key = key;
    }

    /** The contract dataset the column belongs to; "" for desired_replicas, which is only summarized. */
    public String dataset() {
        return dataset;
    }

    /** The name in presets and --queries files (the contract's column, or latency_ms, ttft_ms, tpot_ms). */
    public String key() {
        return key;
    }

    /**
     * The contract column's prefix of a query run once per percentile ("" for latency_ms: p95_ms; "ttft_",
     * "tpot_"); empty for a column filled by one query.
     */
    public Optional<String> percentilePrefix() {
        return switch (this) {
            case LATENCY_MS -> Optional.of("");
            case TTFT_MS -> Optional.of("ttft_");
            case TPOT_MS -> Optional.of("tpot_");
            default -> Optional.empty();
        };
    }

    public static Optional<Column> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Column::key).toList());
    }
}
