package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SW109: an HPA without metrics falls back to CPU utilization 80 %. */
final class HpaWithoutMetrics extends AbstractRule {
    HpaWithoutMetrics() {
        super(new RuleMeta("SW109", "hpa-without-metrics", Severity.WARNING,
                "a valid config; CPU may be the right signal for some servers",
                "HPA has no metrics and falls back to CPU utilization 80 %",
                "autoscaling/v2 defaults an empty metrics list to a CPU Resource metric at 80 % average"
                        + " utilization. A GPU inference server spends its time on the GPU: CPU stays low while"
                        + " requests queue, so the HPA does not scale up when the model saturates.",
                "Add a metric that tracks the model's load: requests in flight or queue depth"
                        + " (vllm:num_requests_waiting), GPU utilization (DCGM_FI_DEV_GPU_UTIL) as a Pods metric, or"
                        + " requests per second per replica.",
                Set.of(Kinds.HPA),
                List.of("https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            // autoscaling/v1 expresses its one CPU target as targetCPUUtilizationPercentage: explicit, not a default.
            if (hpa.apiVersion().equals("autoscaling/v1") || !HpaMetrics.noMetrics(hpa)) {
                continue;
            }
            YNode metrics = hpa.spec().get("metrics");
            String msg = "no metrics: the HPA scales on CPU utilization 80 %, a weak signal for GPU inference";
            out.add(metrics.isPresent() ? finding(hpa, metrics, msg) : findingAtKey(hpa, hpa.root(), "spec", msg));
        }
        return out;
    }
}
