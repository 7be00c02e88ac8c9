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
 * defaults ({@code config/core/configmaps/autoscaler.yaml}, {@code pkg/autoscaler/config/config.go}).
 * Bounds from {@code pkg/apis/autoscaling/annotation_validation.go}. Also used for KServe
 * InferenceServices in serverless mode, whose predictor fields override the annotations.
 */
final class KnativeReader {
    static final String GROUP = "autoscaling.knative.dev/";
    static final String CLASS_KPA = "kpa.autoscaling.knative.dev";
    static final String CLASS_HPA = "hpa.autoscaling.knative.dev";
    // config-autoscaler defaults
    static final double TARGET_UTILIZATION = 0.70;        // container-concurrency-target-percentage: "70"
    static final double CONCURRENCY_TARGET = 100;         // container-concurrency-target-default: "100"
    static final double RPS_TARGET = 200;                 // requests-per-second-target-default: "200"
    static final int STABLE_WINDOW_SECONDS = 60;          // stable-window: "60s"
    static final double PANIC_WINDOW_PERCENTAGE = 10;     // panic-window-percentage: "10.0"
    static final double PANIC_THRESHOLD_PERCENTAGE = 200; // panic-threshold-percentage: "200.0"
    static final double MAX_SCALE_UP_RATE = 1000;         // max-scale-up-rate: "1000.0"
    static final double MAX_SCALE_DOWN_RATE = 2;          // max-scale-down-rate: "2.0"
    static final int SCALE_TO_ZERO_GRACE_SECONDS = 30;    // scale-to-zero-grace-period: "30s"
    static final int SCALE_DOWN_DELAY_SECONDS = 0;        // scale-down-delay: "0s"
    static final int INITIAL_SCALE = 1;                   // initial-scale: "1"
    static final int ACTIVATION_SCALE = 1;                // activation-scale default 1 (register.go)
    static final int MIN_SCALE = 0;                       // min-scale: "0" (scale to zero enabled)
    static final int TICK_SECONDS = 2;                    // pkg/autoscaler/scaling: tickInterval 2 s
    /** max-scale 0 means unlimited; the model keeps int bounds, so unlimited is Integer.MAX_VALUE. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    private KnativeReader() {
    }

    /** Fields of a KServe predictor that take precedence over the annotations; missing nodes when absent. */
    record Overrides(YNode minReplicas, YNode maxReplicas, YNode target, YNode metric, YNode containerConcurrency,
                     int defaultMin) {
    }

    /** A Knative Service → KPA, or HPA for class hpa.autoscaling.knative.dev. */
    static PolicySpec service(Manifest m, Consumer<String> notes) {
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
                MIN_SCALE);
        YNode ann = template.get("metadata").get("annotations");
        String klass = annotation(ann, "class").map(YNode::requireText).orElse(CLASS_KPA);
        if (klass.equals(CLASS_HPA)) {
            return hpaClass(m, ann, none);
        }
        if (!klass.equals(CLASS_KPA)) {
            throw annotation(ann, "class").get().error("unknown autoscaler class '" + klass + "'; expected "
                    + CLASS_KPA + " or " + CLASS_HPA);
        }
        return kpa(m, ann, none, m.name());
    }

    static KpaPolicy kpa(Manifest m, YNode ann, Overrides ov, String name) {
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
        double defaultTarget = metric == KpaPolicy.Metric.RPS ? RPS_TARGET : cc > 0 ? cc : CONCURRENCY_TARGET;
        YNode targetNode = pick(ov.target(), annotation(ann, "target"));
        double target = f.number(targetNode, "target", defaultTarget);
        Fields.atLeast(targetNode, target, 0.01, "target");
        YNode utilNode = annotation(ann, "target-utilization-percentage", "targetUtilizationPercentage").orElse(missing(ann));
        double utilization = f.number(utilNode, "targetUtilization", TARGET_UTILIZATION * 100);
        Fields.within(utilNode, utilization, 1, 100, "target-utilization-percentage");
        YNode windowNode = annotation(ann, "window").orElse(missing(ann));
        double window = f.value(windowNode, "stableWindowSeconds", (double) STABLE_WINDOW_SECONDS, Durations::optSeconds);
        Fields.within(windowNode, window, 6, 3600, "the stable window (Knative allows 6s..1h)");
        YNode pwNode = annotation(ann, "panic-window-percentage", "panicWindowPercentage").orElse(missing(ann));
        double panicWindow = f.number(pwNode, "panicWindowPercentage", PANIC_WINDOW_PERCENTAGE);
        Fields.within(pwNode, panicWindow, 1, 100, "panic-window-percentage");
        YNode ptNode = annotation(ann, "panic-threshold-percentage", "panicThresholdPercentage").orElse(missing(ann));
        double panicThreshold = f.number(ptNode, "panicThresholdPercentage", PANIC_THRESHOLD_PERCENTAGE);
        Fields.within(ptNode, panicThreshold, 110, 1000, "panic-threshold-percentage");
        int[] bounds = bounds(m, ann, ov, ov.defaultMin());
        YNode initialNode = annotation(ann, "initial-scale", "initialScale").orElse(missing(ann));
        int initial = f.integer(initialNode, "initialScale", INITIAL_SCALE);
        Fields.atLeast(initialNode, initial, 0);
        YNode delayNode = annotation(ann, "scale-down-delay").orElse(missing(ann));
        double delay = f.value(delayNode, "scaleDownDelaySeconds", (double) SCALE_DOWN_DELAY_SECONDS, Durations::optSeconds);
        Fields.within(delayNode, delay, 0, 3600, "scale-down-delay");
        YNode activationNode = annotation(ann, "activation-scale").orElse(missing(ann));
        int activation = f.integer(activationNode, "activationScale", ACTIVATION_SCALE);
        Fields.atLeast(activationNode, activation, 1);
        for (String cm : List.of("maxScaleUpRate", "maxScaleDownRate", "scaleToZeroGracePeriodSeconds", "tickSeconds")) {
            f.mark(cm); // ConfigMap-only knobs: no per-revision annotation exists
        }
        return new KpaPolicy(m.meta(name, m.service(name)), bounds[0], bounds[1], metric, target, utilization / 100, cc,
                (int) Math.round(window), panicWindow, panicThreshold, MAX_SCALE_UP_RATE, MAX_SCALE_DOWN_RATE,
                (int) Math.round(delay), SCALE_TO_ZERO_GRACE_SECONDS, initial, activation, TICK_SECONDS);
    }

    /**
     * Class hpa.autoscaling.knative.dev: Knative's MakeHPA ({@code pkg/reconciler/autoscaling/hpa/resources/hpa.go})
     * sets, when a target is given, cpu → Resource Utilization target %, memory → Resource AverageValue
     * target MiB, any other metric → a Pods metric with AverageValue target; without a target it sets no
     * metric and the API server's default applies (CPU 80 %, autoscaling/v2 defaults.go). min-scale defaults to 1.
     */
    static HpaPolicy hpaClass(Manifest m, YNode ann, Overrides ov) {
        Fields f = m.fields;
        YNode metricNode = pick(ov.metric(), annotation(ann, "metric"));
        String metric = metricNode.asText("cpu").toLowerCase(Locale.ROOT);
        YNode targetNode = pick(ov.target(), annotation(ann, "target"));
        MetricTarget mt;
        if (targetNode.optDouble().isEmpty()) {
            f.mark("metrics");
            mt = MetricReader.DEFAULT_CPU;
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
                List.of(mt), behavior, BehaviorReader.GLOBAL_TOLERANCE, HpaReader.SYNC_PERIOD_SECONDS);
    }

    private static int[] bounds(Manifest m, YNode ann, KnativeReader.Overrides ov, int defaultMin) {
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
