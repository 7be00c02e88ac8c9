package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps an autoscaler's metric onto the signal the replay simulates (DESIGN §4): by the annotation
 * {@value #ANNOTATION} when a manifest sets it, else by well-known metric names (DCGM exporter, vLLM,
 * Triton, Kubernetes resource metrics) or the shape of a Prometheus query. A metric that maps to
 * nothing is an error, never a silent guess.
 */
public final class SignalMapping {
    public static final String ANNOTATION = "scalewise.dev/signal";
    public static final String SERVICE_ANNOTATION = "scalewise.dev/service";

    /** Substring rules, first match wins; names are compared lower-case. */
    private static final List<Rule> RULES = List.of(
            // LLM servers' KV-cache usage: vLLM (vllm/v1/metrics/loggers.py; gpu_cache_usage_perc before 0.10), SGLang
            new Rule(Signal.KV_CACHE_UTIL, "kv_cache_usage", "gpu_cache_usage", "sglang:token_usage", "kv_cache_util"),
            // DCGM exporter field names (NVIDIA dcgm-exporter default-counters.csv, dcp-metrics-included.csv)
            new Rule(Signal.SM_ACTIVE, "dcgm_fi_prof_sm_active", "sm_active"),
            new Rule(Signal.GPU_MEM_UTIL, "gpu_mem_util", "gpu_memory_util", "fb_used_ratio", "fb_util"),
            new Rule(Signal.GPU_UTIL, "dcgm_fi_dev_gpu_util", "dcgm_fi_prof_gr_engine_active",
                    "gpu_util", "gpu_utilization", "gpu_duty_cycle"),
            // vLLM metrics (vllm/engine/metrics.py) and Triton's pending-request gauge
            new Rule(Signal.QUEUE_DEPTH, "vllm:num_requests_waiting", "num_requests_waiting",
                    "nv_inference_pending_request_count", "queue_depth", "queue_size", "queue_length",
                    "pending_requests"),
            new Rule(Signal.CONCURRENCY, "vllm:num_requests_running", "num_requests_running",
                    "concurrency", "in_flight", "inflight", "ongoing_requests", "active_requests"),
            new Rule(Signal.RPS, "requests_per_second", "request_rate", "rps", "qps"));
    private static final Pattern RATE_OF_REQUESTS =
            Pattern.compile("\\b(i?rate|increase)\\s*\\([^)]*request", Pattern.CASE_INSENSITIVE);

    private SignalMapping() {
    }

    /**
     * @param nameNode  the node holding the metric name (or query), for the error location
     * @param name      the metric name, or a Prometheus query
     * @param override  the manifest's {@value #ANNOTATION} node, if any
     */
    public static Signal map(YNode nameNode, String name, MetricSource source, TargetType targetType,
                             Optional<YNode> override) {
        if (override.isPresent()) {
            return parse(override.get(), override.get().requireText());
        }
        return byName(name, source, targetType).orElseThrow(() -> nameNode.beyondModel("metric '" + name
                + "' maps to no simulated signal; use a well-known metric (cpu, memory, DCGM_FI_DEV_GPU_UTIL,"
                + " vllm:num_requests_waiting, vllm:num_requests_running, a requests-per-second rate) or set"
                + " the annotation " + ANNOTATION + " to one of " + ids()));
    }

    /** The well-known-name rule alone; empty when nothing matches. */
    public static Optional<Signal> byName(String name, MetricSource source, TargetType targetType) {
        String n = name.toLowerCase(Locale.ROOT).trim();
        if (source == MetricSource.RESOURCE || source == MetricSource.CONTAINER_RESOURCE) {
            if (n.equals("cpu")) {
                return Optional.of(Signal.CPU_UTIL);
            }
            if (n.equals("memory")) {
                return Optional.of(Signal.MEM_UTIL);
            }
            return Optional.empty();
        }
        for (Rule r : RULES) {
            if (r.matches(n)) {
                return Optional.of(r.signal == Signal.RPS ? rps(source, targetType) : r.signal);
            }
        }
        if (RATE_OF_REQUESTS.matcher(n).find()) {
            return Optional.of(rps(source, targetType));
        }
        return Optional.empty();
    }

    /**
     * A Pods metric is already per pod; an External or Object metric is the service total, which the
     * HPA divides by the pod count itself when the target is an AverageValue.
     */
    private static Signal rps(MetricSource source, TargetType targetType) {
        return source == MetricSource.PODS && targetType == TargetType.AVERAGE_VALUE ? Signal.RPS_PER_REPLICA : Signal.RPS;
    }

    /** Parses a signal id (rps, gpu_util, ...) as written in an annotation. */
    public static Signal parse(YNode at, String id) {
        for (Signal s : Signal.values()) {
            if (s.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw at.error("unknown signal '" + id + "' in " + ANNOTATION + "; expected one of " + ids());
    }

    static String ids() {
        return Arrays.stream(Signal.values()).map(Signal::id).collect(Collectors.joining(", "));
    }

    private record Rule(Signal signal, List<String> needles) {
        Rule(Signal signal, String... needles) {
            this(signal, List.of(needles));
        }

        boolean matches(String name) {
            for (String needle : needles) {
                // short needles (rps, qps) must be whole words so "corpse" is not a rate
                if (needle.length() <= 3 ? Pattern.compile("(^|[^a-z])" + needle + "([^a-z]|$)").matcher(name).find()
                        : name.contains(needle)) {
                    return true;
                }
            }
            return false;
        }
    }
}
