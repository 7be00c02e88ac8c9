package dev.scalewise.importer.prometheus;

import dev.scalewise.policy.Slo;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The committed sample fleet as the series a real cluster would have scraped: vLLM ({@code vllm:*},
 * the FastAPI {@code http_requests_total}), DCGM exporter ({@code DCGM_FI_*}), kube-state-metrics
 * (ready replicas, HPA desired replicas, pod resource requests) and cAdvisor, written as OpenMetrics
 * text for {@code promtool tsdb create-blocks-from openmetrics} or as Prometheus text with millisecond
 * timestamps for VictoriaMetrics' {@code /api/v1/import/prometheus}.
 *
 * <p>Sample times are chosen so that the importer's queries give back the sample's minute values on
 * Prometheus 2.x (range windows closed at both ends, increase() extrapolated), Prometheus 3 (left-open
 * windows) and VictoriaMetrics (increase() from the last sample before the window, no extrapolation)
 * alike: counters are scraped every 30 s at :15 and :45 of the minute, half the minute's increment at
 * :15 and all of it at :45, so the window (T-60, T] holds two samples whose difference, extrapolated
 * to 60 s, is the minute's count, and the last sample before it is the previous minute's total; gauges
 * are scraped once at :30 (replicas four times, at :07, :22, :37 and :52, as whole numbers whose mean
 * is the sample's), so avg_over_time sees exactly the minute.
 *
 * <p>Latency: the e2e histogram's bucket counts per minute are built so that histogram_quantile (linear
 * within a bucket) gives the service's SLO percentile exactly; the other two percentiles come out
 * inside the bucket they fall in. {@link Expected} holds what histogram_quantile must return for each.
 * One pod per service (no pod churn), so per-pod averages are the service's. The histogram has no
 * {@code _sum}/{@code _count} series: the importer reads only the buckets.
 */
public final class FleetExposition {
    /** Upper bounds (seconds) of the fixture's e2e buckets: denser than vLLM's own, which start at 0.3 s. */
    static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 80, 300};
    static final long CPU_REQUEST_CORES = 8;
    static final long MEM_REQUEST_BYTES = 64L << 30;

    public enum Format { OPENMETRICS, PROMETHEUS_TEXT }

    /** The sample's minutes per service, read from its Parquet files. */
    public record Minutes(long firstSecond, int minutes, Map<String, double[][]> columns) {
        static final List<String> NAMES = List.of("requests", "errors", "in_flight", "queue_depth", "replicas",
                "p50_ms", "p95_ms", "p99_ms", "gpu_util", "sm_active", "fb_used_bytes", "cpu_util", "mem_util",
                "prompt_tokens", "generation_tokens", "ttft_p50_ms", "ttft_p95_ms", "ttft_p99_ms", "tpot_p50_ms",
                "tpot_p95_ms", "tpot_p99_ms", "kv_cache_util", "gpu_mem_util");

        /** An LLM server's minutes: the sample's llm-api has token counts, TTFT, TPOT and the KV cache. */
        boolean llm(String service) {
            return Arrays.stream(of(service, "prompt_tokens")).anyMatch(Double::isFinite);
        }

        double[] of(String service, String column) {
            return columns.get(service)[NAMES.indexOf(column)];
        }
    }

    /**
     * What histogram_quantile must return, per service, percentile (0.5, 0.95, 0.99) and minute: end-to-end,
     * and for the LLM server TTFT and TPOT ("ttft_" and "tpot_" keys of {@code llmMs}, then the service).
     */
    public record Expected(Map<String, double[][]> latencyMs, Map<String, double[][]> llmMs) {
    }

    /** The histograms of an LLM server beside the end-to-end one: vLLM's TTFT and per-request TPOT. */
    static final Map<String, String> LLM_HISTOGRAMS = Map.of("ttft_", "vllm:time_to_first_token_seconds",
            "tpot_", "vllm:request_time_per_output_token_seconds");

    private FleetExposition() {
    }

    /** What histogram_quantile gives from the histograms {@link #write} writes, without writing them. */
    public static Expected expected(Minutes m, Map<String, Slo.Percentile> slo) {
        Map<String, double[][]> out = new TreeMap<>();
        Map<String, double[][]> llm = new TreeMap<>();
        for (String service : m.columns().keySet()) {
            Slo.Percentile p = slo.getOrDefault(service, Slo.Percentile.P95);
            out.put(service, LatencyShape.of(m, service, "", p).expectedMs());
            for (String prefix : m.llm(service) ? LLM_HISTOGRAMS.keySet() : java.util.Set.<String>of()) {
                llm.put(prefix + service, LatencyShape.of(m, service, prefix, p).expectedMs());
            }
        }
        return new Expected(out, llm);
    }

    /**
     * A service's e2e histogram per minute: bucket increments [bucket][minute] (the last is +Inf) and
     * what histogram_quantile gives from them, [quantile 0.5/0.95/0.99][minute] in ms.
     */
    record LatencyShape(double[][] buckets, double[][] expectedMs) {
        /** @param prefix "" for the end-to-end percentiles, "ttft_" or "tpot_" (the LLM server's targets share its SLO percentile) */
        static LatencyShape of(Minutes m, String service, String prefix, Slo.Percentile slo) {
            double[] requests = m.of(service, "requests");
            double[][] targets = {m.of(service, prefix + "p50_ms"), m.of(service, prefix + "p95_ms"),
                    m.of(service, prefix + "p99_ms")};
            double[] qs = {0.5, 0.95, 0.99};
            int sloIndex = switch (slo) {
                case P50 -> 0;
                case P95 -> 1;
                case P99 -> 2;
            };
            int k = BUCKETS.length;
            double[][] perMinute = new double[k + 1][m.minutes()];
            double[][] expected = new double[3][m.minutes()];
            for (int i = 0; i < m.minutes(); i++) {
                double[] v = {targets[0][i] / 1000, targets[1][i] / 1000, targets[2][i] / 1000};
                if (Double.isNaN(v[sloIndex])) {
                    for (double[] e : expected) {
                        e[i] = Double.NaN;
                    }
                    continue;
                }
                double[] f = HistogramShape.cdfAtBounds(BUCKETS, qs, v, sloIndex);
                double mass = Math.max(1, Double.isNaN(requests[i]) ? 1 : requests[i]);
                for (int b = 0; b < k; b++) {
                    perMinute[b][i] = mass * f[b];
                }
                perMinute[k][i] = mass;
                for (int q = 0; q < 3; q++) {
                    expected[q][i] = 1000 * HistogramShape.quantile(BUCKETS, f, qs[q]);
                }
            }
            return new LatencyShape(perMinute, expected);
        }
    }

    public static Minutes read(Path sample) throws IOException {
        Map<String, List<GenericRecord>> rows = new TreeMap<>();
        for (String ds : List.of("requests", "latency", "gpu")) {
            List<GenericRecord> all = new ArrayList<>();
            try (Stream<Path> files = Files.walk(sample.resolve(ds))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))
                            .build()) {
                        for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                            all.add(r);
                        }
                    }
                }
            }
            rows.put(ds, all);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (GenericRecord r : rows.get("requests")) {
            long t = (Long) r.get("interval_start") / 1000;
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        int minutes = (int) ((last - first) / 60 + 1);
        Map<String, double[][]> columns = new TreeMap<>();
        for (Map.Entry<String, List<GenericRecord>> e : rows.entrySet()) {
            for (GenericRecord r : e.getValue()) {
                String service = r.get("service").toString();
                double[][] c = columns.computeIfAbsent(service, s -> {
                    double[][] m = new double[Minutes.NAMES.size()][minutes];
                    for (double[] col : m) {
                        Arrays.fill(col, Double.NaN);
                    }
                    return m;
                });
                int i = (int) (((Long) r.get("interval_start") / 1000 - first) / 60);
                for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
                    int k = Minutes.NAMES.indexOf(f.name());
                    if (k >= 0 && r.get(f.name()) instanceof Number n) {
                        c[k][i] = n.doubleValue();
                    }
                }
            }
        }
        return new Minutes(first, minutes, columns);
    }

    /** Writes every series of the fleet; returns what the latency queries must give back. */
    public static Expected write(Minutes m, Map<String, Slo.Percentile> slo, Path file, Format format)
            throws IOException {
        return write(m, slo, file, format, m.columns().keySet());
    }

    /** Writes the series of some services (a big fleet goes to the server a few services at a time). */
    public static Expected write(Minutes m, Map<String, Slo.Percentile> slo, Path file, Format format,
                                 java.util.Collection<String> services) throws IOException {
        Map<String, double[][]> expected = new TreeMap<>();
        Map<String, double[][]> llm = new TreeMap<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Series s = new Series(out, format);
            for (String service : services) {
                String pod = service + "-7c9d8b6f5d-x2k9p";
                String vllm = "namespace=\"inference\",service=\"" + service + "\",pod=\"" + pod + "\"";
                s.counter("vllm:request_success", "_total", vllm, m, m.of(service, "requests"));
                s.counter("http_requests", "_total", "namespace=\"inference\",service=\"" + service + "\",pod=\"" + pod
                        + "\",handler=\"/v1/chat/completions\",method=\"POST\",status=\"5xx\"", m, m.of(service, "errors"));
                double[] running = new double[m.minutes()];
                double[] inFlight = m.of(service, "in_flight");
                double[] queue = m.of(service, "queue_depth");
                for (int i = 0; i < running.length; i++) {
                    running[i] = inFlight[i] - queue[i];
                }
                s.gauge("vllm:num_requests_running", vllm, m, running, 1);
                s.gauge("vllm:num_requests_waiting", vllm, m, queue, 1);
                Slo.Percentile percentile = slo.getOrDefault(service, Slo.Percentile.P95);
                LatencyShape shape = LatencyShape.of(m, service, "", percentile);
                expected.put(service, shape.expectedMs());
                s.histogram("vllm:e2e_request_latency_seconds", vllm, m, shape);
                if (m.llm(service)) {
                    s.counter("vllm:prompt_tokens", "_total", vllm, m, m.of(service, "prompt_tokens"));
                    s.counter("vllm:generation_tokens", "_total", vllm, m, m.of(service, "generation_tokens"));
                    for (Map.Entry<String, String> h : new TreeMap<>(LLM_HISTOGRAMS).entrySet()) {
                        LatencyShape targetShape = LatencyShape.of(m, service, h.getKey(), percentile);
                        llm.put(h.getKey() + service, targetShape.expectedMs());
                        s.histogram(h.getValue(), vllm, m, targetShape);
                    }
                    s.gauge("vllm:kv_cache_usage_perc", vllm, m, m.of(service, "kv_cache_util"), 1);
                }
                String ksm = "namespace=\"inference\",service=\"kube-state-metrics\",job=\"kube-state-metrics\"";
                s.replicas("kube_deployment_status_replicas_ready", ksm + ",deployment=\"" + service + "\"", m,
                        m.of(service, "replicas"));
                double[] desired = m.of(service, "replicas").clone();
                for (int i = 0; i < desired.length; i++) {
                    desired[i] = Math.ceil(desired[i]);
                }
                s.gauge("kube_horizontalpodautoscaler_status_desired_replicas", ksm + ",horizontalpodautoscaler=\""
                        + service + "\"", m, desired, 1);
                String dcgm = "gpu=\"0\",UUID=\"GPU-" + Integer.toHexString(service.hashCode()) + "\",modelName=\""
                        + "NVIDIA A100-SXM4-80GB\",Hostname=\"node-" + service + "\",namespace=\"inference\",pod=\"" + pod
                        + "\",container=\"vllm\",service=\"nvidia-dcgm-exporter\"";
                s.gauge("DCGM_FI_DEV_GPU_UTIL", dcgm, m, m.of(service, "gpu_util"), 100);
                s.gauge("DCGM_FI_PROF_SM_ACTIVE", dcgm, m, m.of(service, "sm_active"), 1);
                s.gauge("DCGM_FI_DEV_FB_USED", dcgm, m, m.of(service, "fb_used_bytes"), 1.0 / 1048576);
                if (m.llm(service)) { // free = used x (1 / used share - 1): the frame buffer the sample's share implies
                    double[] used = m.of(service, "fb_used_bytes");
                    double[] share = m.of(service, "gpu_mem_util");
                    double[] free = new double[m.minutes()];
                    for (int i = 0; i < free.length; i++) {
                        free[i] = used[i] * (1 / share[i] - 1);
                    }
                    s.gauge("DCGM_FI_DEV_FB_FREE", dcgm, m, free, 1.0 / 1048576);
                }
                String container = "namespace=\"inference\",pod=\"" + pod + "\",container=\"vllm\"";
                double[] cpuSeconds = m.of(service, "cpu_util").clone();
                for (int i = 0; i < cpuSeconds.length; i++) {
                    cpuSeconds[i] *= CPU_REQUEST_CORES * 60.0;
                }
                s.counter("container_cpu_usage_seconds", "_total", container, m, cpuSeconds);
                s.gauge("container_memory_working_set_bytes", container, m, m.of(service, "mem_util"), MEM_REQUEST_BYTES);
                double[] cpu = new double[m.minutes()];
                Arrays.fill(cpu, CPU_REQUEST_CORES);
                double[] mem = new double[m.minutes()];
                Arrays.fill(mem, MEM_REQUEST_BYTES);
                s.gauge("kube_pod_container_resource_requests", ksm + "," + container.replace("namespace=\"inference\",", "")
                        + ",resource=\"cpu\",unit=\"core\"", m, cpu, 1);
                s.gauge("kube_pod_container_resource_requests", ksm + "," + container.replace("namespace=\"inference\",", "")
                        + ",resource=\"memory\",unit=\"byte\"", m, mem, 1);
            }
            s.end();
        }
        return new Expected(expected, llm);
    }

    /**
     * Writes samples. OpenMetrics wants each family's samples together (and promtool each series' in
     * time order), so every family goes to a temporary file of its own, joined in first-seen order at the end.
     */
    private static final class Series {
        private final Writer out;
        private final Format format;
        private final StringBuilder line = new StringBuilder(256);
        private final Map<String, String> types = new java.util.LinkedHashMap<>();
        private final Map<String, Path> parts = new java.util.LinkedHashMap<>();
        private final Map<String, Writer> writers = new java.util.HashMap<>();
        private String family;

        Series(Writer out, Format format) {
            this.out = out;
            this.format = format;
        }

        void type(String name, String type) throws IOException {
            family = name;
            types.putIfAbsent(name, type);
            if (!writers.containsKey(name)) {
                Path tmp = Files.createTempFile("exposition-", ".part");
                parts.put(name, tmp);
                writers.put(name, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8));
            }
        }

        void sample(String name, String labels, double value, long second) throws IOException {
            line.setLength(0);
            line.append(name).append('{').append(labels).append("} ").append(value).append(' ');
            line.append(format == Format.OPENMETRICS ? second : second * 1000).append('\n');
            writers.get(family).append(line);
        }

        void end() throws IOException {
            for (Map.Entry<String, Path> e : parts.entrySet()) {
                writers.get(e.getKey()).close();
                if (format == Format.OPENMETRICS) {
                    out.write("# TYPE " + e.getKey() + " " + types.get(e.getKey()) + "\n");
                }
                try (java.io.Reader in = Files.newBufferedReader(e.getValue(), StandardCharsets.UTF_8)) {
                    in.transferTo(out);
                }
                Files.delete(e.getValue());
            }
            if (format == Format.OPENMETRICS) {
                out.write("# EOF\n");
            }
        }

        /** A counter from per-minute increments (NaN counts as 0), with two zero samples before the start. */
        void counter(String family, String suffix, String labels, Minutes m, double[] perMinute) throws IOException {
            type(family, "counter");
            String name = family + suffix;
            sample(name, labels, 0, m.firstSecond() - 45);
            sample(name, labels, 0, m.firstSecond() - 15);
            double total = 0;
            for (int i = 0; i < m.minutes(); i++) {
                double n = Double.isNaN(perMinute[i]) ? 0 : perMinute[i];
                long s = m.firstSecond() + 60L * i;
                sample(name, labels, total + n / 2, s + 15);
                total += n;
                sample(name, labels, total, s + 45);
            }
        }

        void gauge(String family, String labels, Minutes m, double[] values, double scale) throws IOException {
            type(family, "gauge");
            for (int i = 0; i < m.minutes(); i++) {
                if (!Double.isNaN(values[i])) {
                    sample(family, labels, values[i] * scale, m.firstSecond() + 60L * i + 30);
                }
            }
        }

        /** Ready replicas as kube-state-metrics sees them: whole pods, four scrapes a minute. */
        void replicas(String family, String labels, Minutes m, double[] mean) throws IOException {
            type(family, "gauge");
            for (int i = 0; i < m.minutes(); i++) {
                if (Double.isNaN(mean[i])) {
                    continue;
                }
                long quarters = Math.round(mean[i] * 4);
                boolean whole = Math.abs(quarters - mean[i] * 4) < 1e-9;
                long lo = Math.floorDiv(quarters, 4);
                long up = quarters - 4 * lo; // scrapes that saw one pod more
                for (int k = 0; k < 4; k++) {
                    double v = whole ? (k < up ? lo + 1 : lo) : mean[i];
                    sample(family, labels, v, m.firstSecond() + 60L * i + 7 + 15L * k);
                }
            }
        }

        void histogram(String family, String labels, Minutes m, LatencyShape shape) throws IOException {
            type(family, "histogram");
            for (int b = 0; b < shape.buckets().length; b++) {
                String le = b == BUCKETS.length ? "+Inf" : Double.toString(BUCKETS[b]);
                counter(family, "_bucket", labels + ",le=\"" + le + "\"", m, shape.buckets()[b]);
            }
        }
    }
}
