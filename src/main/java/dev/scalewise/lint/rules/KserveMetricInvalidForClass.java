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

/**
 * SW401: KServe scaleMetric not valid for the autoscaler that will use it. Mirrors KServe's admission
 * webhook (kserve pkg/apis/serving/v1beta1/inference_service_validation.go,
 * validateAutoScalingCompExtension): in RawDeployment mode the class is serving.kserve.io/autoscalerClass
 * (hpa: cpu or memory; keda: no scaleMetric at all); in Serverless mode (the default) Knative's class
 * annotation decides (hpa.autoscaling.knative.dev: cpu or memory, otherwise the KPA: concurrency or rps).
 * Raw mode without a class annotation runs KServe's default HPA, so it is checked as hpa.
 */
final class KserveMetricInvalidForClass extends AbstractRule {
    static final String CLASS = "serving.kserve.io/autoscalerClass";
    static final String MODE = "serving.kserve.io/deploymentMode";
    static final String KNATIVE_CLASS = "autoscaling.knative.dev/class";
    private static final Set<String> HPA_METRICS = Set.of("cpu", "memory");
    private static final Set<String> KPA_METRICS = Set.of("concurrency", "rps");

    KserveMetricInvalidForClass() {
        super(new RuleMeta("SW401", "kserve-metric-invalid-for-class", Severity.ERROR,
                "KServe's admission webhook rejects the InferenceService",
                "KServe scaleMetric is not valid for its autoscaler class",
                "The Knative Pod Autoscaler understands concurrency and rps; an HPA understands cpu and memory; KEDA"
                        + " takes its metrics from autoScaling.metrics and no scaleMetric. In RawDeployment mode the class"
                        + " is serving.kserve.io/autoscalerClass (default hpa); in Serverless mode (the default)"
                        + " autoscaling.knative.dev/class decides (hpa.autoscaling.knative.dev, otherwise the KPA)."
                        + " KServe's admission webhook rejects a metric the class does not support, so the"
                        + " InferenceService is never created or updated.",
                "Use scaleMetric concurrency or rps with the KPA, cpu or memory with an HPA, none with KEDA; or"
                        + " change the class annotation to the autoscaler that owns the metric.",
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
            String m = metric.asText("");
            String mode = isvc.annotation(MODE).orElse("Serverless");
            boolean raw = mode.equals("RawDeployment") || mode.equals("Standard");
            String cls;
            Set<String> valid;
            if (raw) {
                cls = isvc.annotation(CLASS).orElse("hpa");
                valid = switch (cls) {
                    case "hpa" -> HPA_METRICS;
                    case "keda" -> Set.of();
                    default -> null; // external, none: scaled by something else
                };
            } else {
                boolean knativeHpa = isvc.annotation(KNATIVE_CLASS).orElse("").equals("hpa.autoscaling.knative.dev");
                cls = knativeHpa ? "hpa.autoscaling.knative.dev" : "kpa";
                valid = knativeHpa ? HPA_METRICS : KPA_METRICS;
            }
            if (valid != null && !valid.contains(m)) {
                out.add(finding(isvc, metric, "scaleMetric '" + m + "' is not valid for autoscaler class " + cls
                        + " (" + mode + " mode); " + (valid.isEmpty() ? "KEDA takes no scaleMetric"
                        : "expected one of " + valid.stream().sorted().toList())));
            }
        }
        return out;
    }
}
