package dev.scalewise.data;

import java.util.List;

/**
 * The four input datasets and, for each, the numeric columns the aligner uses, in the slot order of
 * {@link InputBlock#values()}. Columns of the contract that no analysis reads (fb_used_bytes,
 * BilledCost, ...) are checked by the reader but not carried.
 */
public enum DatasetKind {
    REQUESTS("requests", List.of(
            ValueColumn.count("requests", true),
            ValueColumn.count("errors", false),
            ValueColumn.gauge("in_flight", false),
            ValueColumn.gauge("queue_depth", false),
            ValueColumn.gauge("replicas", true),
            ValueColumn.count("prompt_tokens", false),
            ValueColumn.count("generation_tokens", false))),
    LATENCY("latency", List.of(
            ValueColumn.gauge("p50_ms", false),
            ValueColumn.gauge("p95_ms", false),
            ValueColumn.gauge("p99_ms", false),
            ValueColumn.gauge("ttft_p50_ms", false),
            ValueColumn.gauge("ttft_p95_ms", false),
            ValueColumn.gauge("ttft_p99_ms", false),
            ValueColumn.gauge("tpot_p50_ms", false),
            ValueColumn.gauge("tpot_p95_ms", false),
            ValueColumn.gauge("tpot_p99_ms", false))),
    GPU("gpu", List.of(
            ValueColumn.gauge("gpu_util", true),
            ValueColumn.gauge("cpu_util", false),
            ValueColumn.gauge("mem_util", false),
            ValueColumn.fraction("sm_active"),
            ValueColumn.fraction("kv_cache_util"),
            ValueColumn.fraction("gpu_mem_util"))),
    BILLING("billing", List.of(
            ValueColumn.count("EffectiveCost", true)));

    /** Most value slots any dataset uses; the width of the reader's canonical row. */
    public static final int MAX_VALUES = java.util.Arrays.stream(values()).mapToInt(k -> k.columns.size()).max().orElse(0);

    private final String datasetName;
    private final List<ValueColumn> columns;

    DatasetKind(String datasetName, List<ValueColumn> columns) {
        this.datasetName = datasetName;
        this.columns = columns;
    }

    /** The directory name under --data and the schema name. */
    public String datasetName() {
        return datasetName;
    }

    public List<ValueColumn> columns() {
        return columns;
    }

    public static DatasetKind of(String datasetName) {
        for (DatasetKind k : values()) {
            if (k.datasetName.equals(datasetName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset " + datasetName);
    }

    /**
     * A numeric column. Counts are summed when spread over steps (a row's count is split in proportion
     * to its overlap with each step); gauges are averaged, weighted by overlap. Every column here must
     * be non-negative (counts, replicas, latencies, utilizations and costs alike), and at most {@code max}.
     *
     * @param required a null, NaN or negative value drops the whole row (the row means nothing
     *                 without it); for an optional column only that value becomes unknown
     * @param max      the largest valid value: 1 for the optional 0..1 fractions whose exporters are easy to
     *                 misread as percent (a value above it becomes unknown), else the largest double
     */
    public record ValueColumn(String name, boolean summed, boolean required, double max) {
        static ValueColumn count(String name, boolean required) {
            return new ValueColumn(name, true, required, Double.MAX_VALUE);
        }

        static ValueColumn gauge(String name, boolean required) {
            return new ValueColumn(name, false, required, Double.MAX_VALUE);
        }

        static ValueColumn fraction(String name) {
            return new ValueColumn(name, false, false, 1);
        }
    }
}
