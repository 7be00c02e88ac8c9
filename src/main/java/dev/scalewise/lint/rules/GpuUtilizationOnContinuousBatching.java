package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.SignalMapping;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SW117: an HPA or KEDA ScaledObject scales an LLM server with continuous batching (vLLM, TGI, SGLang,
 * TensorRT-LLM, LMDeploy: told by the target's container images) on GPU utilization. Such a server keeps a
 * batch running whenever any request is in flight, so DCGM's GPU utilization (the share of time a kernel ran)
 * reads near 100 % at light and heavy load alike, and tells the autoscaler nothing about how close the
 * replica is to its limit.
 */
final class GpuUtilizationOnContinuousBatching extends AbstractRule {
    /** Image name parts of servers that batch continuously (lower case). */
    static final List<String> SERVERS = List.of("vllm", "text-generation-inference", "sglang", "tensorrt-llm",
            "tensorrtllm", "trtllm", "lmdeploy");

    GpuUtilizationOnContinuousBatching() {
        super(new RuleMeta("SW117", "gpu-utilization-on-continuous-batching", Severity.WARNING,
                "the autoscaler sees a busy GPU at almost any load, so it scales up early and scales down late",
                "GPU utilization drives the autoscaling of a continuous-batching LLM server",
                "vLLM, TGI, SGLang and TensorRT-LLM run one batch that new requests join as others finish, so the GPU"
                        + " runs a kernel whenever any request is in flight. DCGM_FI_DEV_GPU_UTIL is the share of time a"
                        + " kernel ran, not how much of the GPU it used: it reads near 100 % with one request and with"
                        + " two hundred. An autoscaler on it holds the maximum under light load, and it cannot tell a"
                        + " replica that still has room from one whose KV cache is full and whose requests queue.",
                "Scale on what bounds the batch: the KV-cache usage (vllm:kv_cache_usage_perc, before vLLM 0.10"
                        + " vllm:gpu_cache_usage_perc; SGLang sglang:token_usage) as a Pods metric, or the waiting queue"
                        + " (vllm:num_requests_waiting, TGI tgi_queue_size) with KEDA's Prometheus scaler. `scalewise"
                        + " backtest` replays both against your history (docs/tokens.md).",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT),
                List.of("https://docs.vllm.ai/en/latest/design/metrics.html",
                        "https://docs.nvidia.com/datacenter/dcgm/latest/user-guide/feature-overview.html#profiling-metrics")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            Optional<String> server = server(ctx, hpa);
            if (server.isEmpty()) {
                continue;
            }
            for (YNode m : HpaMetrics.metrics(hpa)) {
                String type = m.get("type").asText("");
                YNode body = m.get(type.isEmpty() ? "" : Character.toLowerCase(type.charAt(0)) + type.substring(1));
                YNode name = body.get("metric").get("name");
                if (name.isPresent() && isGpuUtil(name.asText(""))) {
                    out.add(finding(hpa, name, message(name.asText(""), server.get())));
                }
            }
        }
        for (Manifest so : ctx.ofKind(Kinds.SCALED_OBJECT)) {
            Optional<String> server = server(ctx, so);
            if (server.isEmpty()) {
                continue;
            }
            for (YNode t : so.spec().get("triggers").items()) {
                YNode query = t.get("metadata").get("query");
                if (query.isPresent() && isGpuUtil(query.asText(""))) {
                    out.add(finding(so, query, message(query.asText(""), server.get())));
                }
            }
        }
        return out;
    }

    private static boolean isGpuUtil(String metric) {
        return SignalMapping.byName(metric, MetricSource.EXTERNAL, TargetType.AVERAGE_VALUE)
                .filter(s -> s == Signal.GPU_UTIL).isPresent();
    }

    /** The continuous-batching image of the autoscaler's target, if it runs one. */
    private static Optional<String> server(LintContext ctx, Manifest autoscaler) {
        Optional<Manifest> target = ctx.target(autoscaler, autoscaler.spec().get("scaleTargetRef"));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        for (YNode c : PodTemplates.containers(target.get())) {
            String image = c.get("image").asText("");
            String lower = image.toLowerCase(Locale.ROOT);
            if (SERVERS.stream().anyMatch(lower::contains)) {
                return Optional.of(image);
            }
        }
        return Optional.empty();
    }

    private static String message(String metric, String image) {
        return "'" + metric + "' is GPU utilization, and the target runs " + image + ", which batches continuously:"
                + " the GPU reads busy at almost any load; scale on KV-cache usage or the waiting queue";
    }
}
