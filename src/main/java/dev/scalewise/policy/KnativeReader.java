package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import dev.scalewise.yaml.YNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Knative Serving autoscaling: a Knative Service's revision-template annotations
 * ({@code spec.template.metadata.annotations}, keys from {@code pkg/apis/autoscaling/register.go},
 * including the legacy camelCase aliases minScale, maxScale, initialScale, panicWindowPercentage,
 * panicThresholdPercentage, targetUtilizationPercentage), over the {@code config-autoscaler} ConfigMap
 * defaults ({@link UpstreamDefaults.Knative}).
 * Bounds from {@code pkg/apis/autoscaling/annotation_validation.go}. Also used for KServe
 * InferenceServices in serverless mode, whose predictor fields override the annotations.
 */
final class KnativeReader {
    static final String GROUP = "autoscaling.knative.dev/";
    static final String CLASS_KPA = "kpa.autoscaling.knative.dev";
    static final String CLASS_HPA = "hpa.autoscaling.knative.dev";
    /** max-scale 0 means unlimited; the model keeps int bounds, so unlimited is Integer.MAX_VALUE. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private KnativeReader() {
    }

    /** Fields of a KServe predictor that take precedence over the annotations; missing nodes when absent. */
    record Overrides(YNode minReplicas, YNode maxReplicas, YNode target, YNode metric, YNode containerConcurrency,
                     int defaultMin) {
    }

    /** A Knative Service → KPA, or HPA for class hpa.autoscaling.knative.dev. */
    static PolicySpec service(ManifestReading m, Consumer<String> notes) {
        YNode template = m.spec().get("template");
        for (String key : m.annotations().entries().keySet()) {
            if (key.startsWith(GROUP)) {
                // Knative reads autoscaling annotations from the revision template only.
                notes.accept(m.annotations().get(key).location() + ": " + key + " on the Service's own metadata is "
                        + "ignored by Knative; it belongs under spec.template.metadata.annotations");
            }
        }
        YNode missing = missing(template);
        Overrides none = new Overrides(missing, missing, missing, missing, template.get("spec").get("containerConcurrency"),
                UpstreamDefaults.Knative.MIN_SCALE);
        YNode ann = template.get("metadata").get("annotations");
        String klass = annotation(ann, "class").map(YNode::requireText).orElse(CLASS_KPA);
        m.editableText("minReplicas", ann.get(GROUP + "min-scale"), ann.get(GROUP + "minScale"));
        m.editableText("maxReplicas", ann.get(GROUP + "max-scale"), ann.get(GROUP + "maxScale"));
        if (klass.equals(CLASS_HPA)) {
            m.editableText("metrics[0].target", ann.get(GROUP + "target"));
            return hpaClass(m, ann, none);
        }
        m.editableText("target", ann.get(GROUP + "target"));
        if (!klass.equals(CLASS_KPA)) {
            throw annotation(ann, "class").get().error("unknown autoscaler class '" + klass + "'; expected "
                    + CLASS_KPA + " or " + CLASS_HPA);
        }
        return kpa(m, ann, none, m.name());
    }

    static KpaPolicy kpa(ManifestReading m, YNode ann, Overrides ov, String name) {
        Fields f = m.fields;
        YNode metricNode = pick(ov.metric(), annotation(ann, "metric"));
        String metricText = f.text(metricNode, "metric", "concurrency").toLowerCase(Locale.ROOT);
        KpaPolicy.Metric metric = switch (metricText) {
            case "concurrency" -> KpaPolicy.Metric.CONCURRENCY;
            case "rps" -> KpaPolicy.Metric.RPS;
            default -> throw metricNode.error("the KPA scales on concurrency or rps, found '" + metricText
                    + "'; cpu and memory need an HPA (Knative class " + CLASS_HPA + ", KServe autoscalerClass hpa)");
        };
        int cc = f.integer(ov.containerConcurrency(), "containerConcurrency", 0);
        Fields.within(ov.containerConcurrency(), cc, 0, 1000, "containerConcurrency");
        // With a hard limit, the soft target defaults to it (pkg/autoscaler/resources/target.go ResolveMetricTarget).
        double defaultTarget = metric == KpaPolicy.Metric.RPS ? UpstreamDefaults.Knative.RPS_TARGET : cc > 0 ? cc : UpstreamDefaults.Knative.CONCURRENCY_TARGET;
        YNode targetNode = pick(ov.target(), annotation(ann, "target"));
        double target = f.number(targetNode, "target", defaultTarget);
        Fields.atLeast(targetNode, target, 0.01, "target");
        YNode utilNode = annotation(ann, "target-utilization-percentage", "targetUtilizationPercentage").orElse(missing(ann));
        double utilization = f.number(utilNode, "targetUtilization", UpstreamDefaults.Knative.TARGET_UTILIZATION * 100);
        Fields.within(utilNode, utilization, 1, 100, "target-utilization-percentage");
        YNode windowNode = annotation(ann, "window").orElse(missing(ann));
        double window = f.value(windowNode, "stableWindowSeconds", (double) UpstreamDefaults.Knative.STABLE_WINDOW_SECONDS, Durations::optSeconds);
        Fields.within(windowNode, window, 6, 3600, "the stable window (Knative allows 6s..1h)");
        YNode pwNode = annotation(ann, "panic-window-percentage", "panicWindowPercentage").orElse(missing(ann));
        double panicWindow = f.number(pwNode, "panicWindowPercentage", UpstreamDefaults.Knative.PANIC_WINDOW_PERCENTAGE);
        Fields.within(pwNode, panicWindow, 1, 100, "panic-window-percentage");
        YNode ptNode = annotation(ann, "panic-threshold-percentage", "panicThresholdPercentage").orElse(missing(ann));
        double panicThreshold = f.number(ptNode, "panicThresholdPercentage", UpstreamDefaults.Knative.PANIC_THRESHOLD_PERCENTAGE);
        Fields.within(ptNode, panicThreshold, 110, 1000, "panic-threshold-percentage");
        int[] bounds = bounds(m, ann, ov, ov.defaultMin());
        YNode initialNode = annotation(ann, "initial-scale", "initialScale").orElse(missing(ann));
        int initial = f.integer(initialNode, "initialScale", UpstreamDefaults.Knative.INITIAL_SCALE);
        Fields.atLeast(initialNode, initial, 0);
        YNode delayNode = annotation(ann, "scale-down-delay").orElse(missing(ann));
        double delay = f.value(delayNode, "scaleDownDelaySeconds", (double) UpstreamDefaults.Knative.SCALE_DOWN_DELAY_SECONDS, Durations::optSeconds);
        Fields.within(delayNode, delay, 0, 3600, "scale-down-delay");
        YNode activationNode = annotation(ann, "activation-scale").orElse(missing(ann));
        int activation = f.integer(activationNode, "activationScale", UpstreamDefaults.Knative.ACTIVATION_SCALE);
        Fields.atLeast(activationNode, activation, 1);
        m.editableText("stableWindowSeconds", ann.get(GROUP + "window"));
        m.editableText("scaleDownDelaySeconds", ann.get(GROUP + "scale-down-delay"));
        for (String cm : List.of("maxScaleUpRate", "maxScaleDownRate", "scaleToZeroGracePeriodSeconds", "tickSeconds")) {
            f.mark(cm); // ConfigMap-only knobs: no per-revision annotation exists
        }
        return new KpaPolicy(m.meta(name, m.service(name)), bounds[0], bounds[1], metric, target, utilization / 100, cc,
                (int) Math.round(window), panicWindow, panicThreshold, UpstreamDefaults.Knative.MAX_SCALE_UP_RATE, UpstreamDefaults.Knative.MAX_SCALE_DOWN_RATE,
                (int) Math.round(delay), UpstreamDefaults.Knative.SCALE_TO_ZERO_GRACE_SECONDS, initial, activation, UpstreamDefaults.Knative.TICK_SECONDS);
    }

    /**
     * Class hpa.autoscaling.knative.dev: Knative's MakeHPA ({@code pkg/reconciler/autoscaling/hpa/resources/hpa.go})
     * sets, when a target is given, cpu → Resource Utilization target %, memory → Resource AverageValue
     * target MiB, any other metric → a Pods metric with AverageValue target; without a target it sets no
     * metric and the API server's default applies (CPU 80 %, autoscaling/v2 defaults.go). min-scale defaults to 1.
     */
    static HpaPolicy hpaClass(ManifestReading m, YNode ann, Overrides ov) {
        Fields f = m.fields;
        YNode metricNode = pick(ov.metric(), annotation(ann, "metric"));
        String metric = metricNode.asText("cpu").toLowerCase(Locale.ROOT);
        YNode targetNode = pick(ov.target(), annotation(ann, "target"));
        MetricTarget mt;
        if (targetNode.optDouble().isEmpty()) {
            f.mark("metrics");
            mt = UpstreamDefaults.Hpa.METRIC;
        } else if (metric.equals("cpu")) {
            double target = Fields.within(targetNode, targetNode.optDouble().get(), 1, 100, "a cpu utilization target (percent)");
            mt = MetricReader.build(MetricSource.RESOURCE, metricNode, metric, TargetType.UTILIZATION, target,
                    targetNode, m.signalOverride());
        } else if (metric.equals("memory")) {
            mt = MetricReader.build(MetricSource.RESOURCE, metricNode, metric, TargetType.AVERAGE_VALUE,
                    targetNode.optDouble().get() * 1024 * 1024, targetNode, m.signalOverride());
        } else {
            mt = MetricReader.build(MetricSource.PODS, metricNode, metric, TargetType.AVERAGE_VALUE,
                    targetNode.optDouble().get(), targetNode, m.signalOverride());
        }
        int[] bounds = bounds(m, ann, ov, Math.max(1, ov.defaultMin()));
        // Knative's HPA reconciler (pkg/reconciler/autoscaling/hpa/resources/hpa.go MakeHPA) turns the window
        // annotation into both stabilization windows; without it the HPA has no behavior (legacy path).
        YNode windowNode = annotation(ann, "window").orElse(missing(ann));
        Optional<Behavior> behavior = Durations.optSeconds(windowNode)
                .map(w -> BehaviorReader.withWindows((int) Math.round(Fields.within(windowNode, w, 6, 3600,
                        "the stable window (Knative allows 6s..1h)"))));
        f.mark("tolerance");
        f.mark("syncPeriodSeconds");
        String name = m.name();
        return new HpaPolicy(m.meta(name, m.service(name)), bounds[0], bounds[1],
                List.of(mt), behavior, UpstreamDefaults.Hpa.TOLERANCE, UpstreamDefaults.Hpa.SYNC_PERIOD_SECONDS);
    }

    private static int[] bounds(ManifestReading m, YNode ann, KnativeReader.Overrides ov, int defaultMin) {
        YNode minNode = pick(ov.minReplicas(), annotation(ann, "min-scale", "minScale"));
        int min = m.fields.integer(minNode, "minReplicas", defaultMin);
        Fields.atLeast(minNode, min, 0);
        YNode maxNode = pick(ov.maxReplicas(), annotation(ann, "max-scale", "maxScale"));
        int max = m.fields.integer(maxNode, "maxReplicas", 0);
        Fields.atLeast(maxNode, max, 0);
        if (max == 0) {
            max = UNLIMITED;
        }
        Fields.checkBounds(maxNode, min, max);
        return new int[]{min, max};
    }

    private static YNode pick(YNode override, Optional<YNode> annotation) {
        return override.isPresent() ? override : annotation.orElse(override);
    }

    private static YNode missing(YNode ann) {
        return ann.get("scalewise.dev/none");
    }

    /**
     * The annotation under its current key or its legacy alias; both set is an error, as Knative's
     * validation rejects it.
     */
    static Optional<YNode> annotation(YNode ann, String key, String... aliases) {
        YNode current = ann.get(GROUP + key);
        for (String alias : aliases) {
            YNode old = ann.get(GROUP + alias);
            if (old.isPresent() && current.isPresent()) {
                throw old.error("set only one of " + GROUP + key + " and its legacy alias " + GROUP + alias);
            }
            if (old.isPresent()) {
                current = old;
            }
        }
        return current.isPresent() ? Optional.of(current) : Optional.empty();
    }
}
