package dev.scalewise.importer.prometheus;

import java.util.Map;

/** One series of a range query's matrix: its labels and its points (seconds since the epoch, value). */
public record PromSeries(Map<String, String> labels, long[] timesSeconds, double[] values) {
}
