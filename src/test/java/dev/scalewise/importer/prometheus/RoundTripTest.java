package dev.scalewise.importer.prometheus;

import dev.scalewise.cli.Main;
import dev.scalewise.policy.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: importing the sample fleet back from a real Prometheus (TSDB backfilled by promtool) and a
 * real VictoriaMetrics (series pushed to its import API) gives the sample's contract rows: counts exact
 * (round(increase())), gauges and ratios to 1e-9 relative, the SLO percentile exactly as the sample has
 * it and every percentile exactly as histogram_quantile computes it from the buckets.
 */
class RoundTripTest {
    static final double REL = 1e-9;
    /**
     * Bucket counters are two weeks' cumulative totals (up to 1e9 for embed-search) whose per-minute
     * differences feed a ratio inside one bucket, and VictoriaMetrics keeps values as decimal mantissas:
     * 1e-9 relative is lost there (VictoriaMetrics was off by 1.2e-6), 1e-5 (1 us at 100 ms) is not.
     */
    static final double LATENCY_REL = 1e-5;

    @Test
    void prometheusGivesBackTheSample(@TempDir Path out) throws Exception {
        roundTrip(SampleFleetServers.prometheus().url(), out);
    }

    @Test
    void victoriaMetricsGivesBackTheSample(@TempDir Path out) throws Exception {
        roundTrip(SampleFleetServers.victoriaMetrics().url(), out);
    }

    static void roundTrip(URI url, Path out) throws IOException {
        int code = Main.run("import", "prometheus", "--url", url.toString(), "--from", SampleFleetServers.FROM,
                "--to", SampleFleetServers.TO, "--out", out.toString(), "--services",
                SampleFleetServers.SAMPLE.resolve("services.yaml").toString(), "--namespace", "inference");
        assertEquals(0, code);
        assertSameAsSample(FleetExposition.read(out));
    }

    static void assertSameAsSample(FleetExposition.Minutes imported) throws IOException {
        FleetExposition.Minutes sample = SampleFleetServers.sample();
        FleetExposition.Expected expected = SampleFleetServers.expected();
        Map<String, Slo.Percentile> slo = SampleFleetServers.slo();
        assertEquals(sample.firstSecond(), imported.firstSecond());
        assertEquals(sample.minutes(), imported.minutes());
        assertEquals(sample.columns().keySet(), imported.columns().keySet());
        for (String service : sample.columns().keySet()) {
            for (String column : List.of("requests", "errors", "fb_used_bytes")) {
                double[] want = sample.of(service, column);
                double[] got = imported.of(service, column);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 0.0, service + " " + column + " minute " + i);
                }
            }
            for (String column : List.of("in_flight", "queue_depth", "replicas", "gpu_util", "sm_active", "cpu_util",
                    "mem_util")) {
                double[] want = sample.of(service, column);
                double[] got = imported.of(service, column);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], REL * Math.max(1, Math.abs(want[i])),
                            service + " " + column + " minute " + i);
                }
            }
            String sloColumn = "p" + switch (slo.get(service)) {
                case P50 -> "50";
                case P95 -> "95";
                case P99 -> "99";
            } + "_ms";
            double[] want = sample.of(service, sloColumn);
            double[] got = imported.of(service, sloColumn);
            int latencyMinutes = 0;
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], LATENCY_REL * Math.max(1, Math.abs(want[i])),
                        service + " " + sloColumn + " " + i);
                latencyMinutes += Double.isNaN(want[i]) ? 0 : 1;
            }
            assertTrue(latencyMinutes > 0.9 * want.length, service + ": latency in most minutes");
            double[][] histogram = expected.latencyMs().get(service);
            for (int q = 1; q < 3; q++) { // the SLO percentiles asked for: p95 and p99
                double[] fromBuckets = histogram[q];
                double[] imp = imported.of(service, q == 1 ? "p95_ms" : "p99_ms");
                for (int i = 0; i < fromBuckets.length; i++) {
                    // a percentile whose rank falls on a bucket's edge may land a rounding error into the wider
                    // next bucket (vision-ocr's p99 at exactly 1 s came back 1000.011 ms): 1e-4 relative there
                    assertEquals(fromBuckets[i], imp[i], 10 * LATENCY_REL * Math.max(1, Math.abs(fromBuckets[i])),
                            service + " histogram quantile " + q + " minute " + i);
                }
            }
            double[] p50 = imported.of(service, "p50_ms");
            for (double v : p50) {
                assertTrue(Double.isNaN(v), "p50 is no SLO percentile of services.yaml: not asked for");
            }
            if (sample.llm(service)) {
                assertLlmColumnsAsSample(service, sample, imported, expected);
            } else {
                for (String column : List.of("prompt_tokens", "ttft_p95_ms", "tpot_p95_ms", "kv_cache_util", "gpu_mem_util")) {
                    assertTrue(Arrays.stream(imported.of(service, column)).allMatch(Double::isNaN), service + " " + column);
                }
            }
        }
    }

    /**
     * The relative tolerance of a percentile computed from the buckets: a rank that falls exactly on a bucket's
     * upper bound moves by VictoriaMetrics' rounding of the counts into the next bucket, as wide as the bound
     * itself in the fixture's TPOT range (llm-api's TPOT p99 at exactly 50 ms came back 50.012 ms), 1e-3 there.
     */
    private static double onBucketEdge(double ms) {
        for (double bound : FleetExposition.BUCKETS) {
            if (ms == 1000 * bound) {
                return 1e-3;
            }
        }
        return 10 * LATENCY_REL;
    }

    /**
     * The LLM server's columns from the vllm and dcgm presets: token counts exact, the KV cache and the
     * frame-buffer share to 1e-9, TTFT and TPOT at their SLO percentile (p95) as the sample has them and
     * at p99 as histogram_quantile computes it from the buckets.
     */
    private static void assertLlmColumnsAsSample(String service, FleetExposition.Minutes sample,
                                                 FleetExposition.Minutes imported, FleetExposition.Expected expected) {
        for (String column : List.of("prompt_tokens", "generation_tokens", "kv_cache_util", "gpu_mem_util",
                "ttft_p95_ms", "tpot_p95_ms")) {
            double[] want = sample.of(service, column);
            double[] got = imported.of(service, column);
            double rel = column.endsWith("tokens") ? 0 : column.endsWith("ms") ? LATENCY_REL : REL;
            int known = 0;
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], rel * Math.max(1, Math.abs(want[i])), service + " " + column + " minute " + i);
                known += Double.isNaN(want[i]) ? 0 : 1;
            }
            assertTrue(known > 0.9 * want.length, service + " " + column + " in most minutes");
        }
        for (String prefix : List.of("ttft_", "tpot_")) {
            double[] fromBuckets = expected.llmMs().get(prefix + service)[2];
            double[] got = imported.of(service, prefix + "p99_ms");
            for (int i = 0; i < fromBuckets.length; i++) {
                assertEquals(fromBuckets[i], got[i], onBucketEdge(fromBuckets[i]) * Math.max(1, Math.abs(fromBuckets[i])),
                        service + " " + prefix + "p99 minute " + i);
            }
        }
    }
}
