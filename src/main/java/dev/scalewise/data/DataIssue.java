package dev.scalewise.data;

import java.util.Locale;

/**
 * The kinds of bad rows the reader counts, each with the rule applied (docs/data-validation.md
 * repeats these rules; keep both in step).
 */
public enum DataIssue {
    NULL_KEY("null service or timestamp", "row dropped"),
    BAD_INTERVAL("interval length missing, zero or negative (end not after start)", "row dropped"),
    NULL_VALUE("required value is null", "row dropped"),
    NEGATIVE("negative value", "row dropped when the column is required, else that value is unknown"),
    NON_FINITE("NaN or infinite value", "row dropped when the column is required, else that value is unknown"),
    ABOVE_ONE("a 0..1 fraction above 1 (kv_cache_util, gpu_mem_util, sm_active; exported in percent?)",
            "that value is unknown"),
    DUPLICATE("duplicate key (service, interval_start[, pod])", "first row in file order kept, later ones dropped"),
    OVERLAP("interval overlapping an earlier row of the same series (e.g. interval_seconds longer than the row spacing)",
            "row dropped (of overlapping rows, the one that starts first is kept)"),
    OUT_OF_ORDER("row earlier than the previous row of the same series in the same file", "kept (rows are sorted)"),
    GAP("analysis steps not covered by any row", "value unknown in those steps"),
    UNTAGGED("billing row without the cost tag", "row dropped (not attributed to any service)"),
    MIXED_CURRENCY("billing row in another currency than the service's first row", "row dropped"),
    NO_REQUESTS("rows of a service that has no requests rows", "dropped (nothing to align them to)"),
    NO_COST("services without any attributed billing row", "cost and cost per 1k unknown for the service");

    private final String meaning;
    private final String rule;

    DataIssue(String meaning, String rule) {
        this.meaning = meaning;
        this.rule = rule;
    }

    public String meaning() {
        return meaning;
    }

    public String rule() {
        return rule;
    }

    /** The rule as it applies to one dataset (a requests gap means more than a gauge's). */
    public String rule(String dataset) {
        return this == GAP && dataset.equals("requests")
                ? "traffic unknown (not zero) in those steps, which are left out of every total" : rule;
    }

    /** What the count of this issue counts: rows, steps or services. */
    public String unit() {
        return this == GAP ? "" : this == NO_COST ? "" : "rows: ";
    }

    /** Lower-case id used in JSON and Parquet. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
