package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SW401: KServe scaleMetric not valid for the autoscaler class. KServe's Serverless mode uses Knative's
 * KPA (concurrency, rps) unless serving.kserve.io/autoscalerClass is hpa; RawDeployment mode defaults to
 * the Kubernetes HPA (cpu, memory).
 */
final class KserveMetricInvalidForClass extends AbstractRule {
    static final String CLASS = "serving.kserve.io/autoscalerClass";
    static final String MODE = "serving.kserve.io/deploymentMode";
    private static final Map<String, Set<String>> VALID = Map.of(
            "kpa", Set.of("concurrency", "rps"),
            "hpa", Set.of("cpu", "memory"));

    KserveMetricInvalidForClass() {
        super(new RuleMeta("SW401", "kserve-metric-invalid-for-class", Severity.ERROR,
                "KServe scaleMetric is not valid for its autoscaler class",
                "The KPA understands concurrency and rps; the HPA class understands cpu and memory. KServe picks"
                        + " the class from serving.kserve.io/autoscalerClass, else from the deployment mode"
                        + " (Serverless: kpa, RawDeployment: hpa). A metric the class does not know is rejected by"
                        + " KServe's webhook or leaves the predictor scaling on something else than intended.",
                "Use scaleMetric concurrency or rps with kpa, cpu or memory with hpa, or change the"
                        + " autoscalerClass annotation to the class that owns the metric.",
                Set.of(Kinds.INFERENCE_SERVICE),
                List.of("https://kserve.github.io/website/latest/modelserving/autoscaling/autoscaling/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest isvc : ctx.ofKind(Kinds.INFERENCE_SERVICE)) {
            YNode metric = isvc.spec().get("predictor").get("scaleMetric");
            if (metric.isMissing()) {
                continue;
            }
            String mode = isvc.annotation(MODE).orElse("Serverless");
            String cls = isvc.annotation(CLASS).orElse(mode.equals("RawDeployment") ? "hpa" : "kpa");
            Set<String> valid = VALID.get(cls);
            String m = metric.asText("");
            if (valid != null && !valid.contains(m)) {
                out.add(finding(isvc, metric, "scaleMetric '" + m + "' is not valid for autoscaler class " + cls
                        + (isvc.annotation(CLASS).isPresent() ? "" : " (the " + mode + " default)")
                        + "; expected one of " + valid.stream().sorted().toList()));
            }
        }
        return out;
    }
}
