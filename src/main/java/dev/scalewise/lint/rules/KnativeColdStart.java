package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.KpaPolicy;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SW302 and SW303: Knative KPA settings measured against the service's cold start (startupSeconds in
 * services.yaml). Values come normalized from the policy model (min-scale 0, stable window 60 s and
 * scale-down delay 0 s when absent, per Knative's config-autoscaler defaults).
 */
final class KnativeColdStart extends AbstractRule {
    private static final String ANNOTATION_GROUP = "autoscaling.knative.dev/";
    private final boolean scaleToZeroRule;

    private KnativeColdStart(RuleMeta meta, boolean scaleToZeroRule) {
        super(meta);
        this.scaleToZeroRule = scaleToZeroRule;
    }

    static KnativeColdStart scaleToZero() {
        return new KnativeColdStart(new RuleMeta("SW302", "knative-scale-to-zero-cold-start-over-slo", Severity.WARNING,
                "a valid config; how often a cold start breaches the SLO depends on how often the revision idles",
                "Knative min-scale 0 while the cold start is longer than the SLO threshold",
                "Knative scales a revision to zero by default (min-scale 0). The first request after an idle"
                        + " period waits in the activator for a pod to start; when that startup (startupSeconds in"
                        + " services.yaml) is longer than the SLO's latency threshold, every such request breaches the"
                        + " SLO by construction. Needs --services.",
                "Set autoscaling.knative.dev/min-scale: \"1\" (or more) on the revision template, or shorten the"
                        + " startup (smaller image, cached model weights).",
                Set.of(Kinds.KNATIVE_SERVICE),
                List.of("https://knative.dev/docs/serving/autoscaling/scale-bounds/")), true);
    }

    static KnativeColdStart windowShorterThanStartup() {
        return new KnativeColdStart(new RuleMeta("SW303", "knative-window-shorter-than-cold-start", Severity.WARNING,
                "a judgment from the stated startup time; the config is valid",
                "Knative stable window and scale-down delay are both shorter than the cold start",
                "The KPA removes a pod once the concurrency averaged over the stable window (default 60 s) no"
                        + " longer needs it, and scale-down-delay (default 0 s) holds the highest recommendation for"
                        + " that long first. When both are shorter than a pod's startup (startupSeconds in"
                        + " services.yaml), a lull shorter than one startup removes capacity that returning traffic"
                        + " then waits a whole startup for. Needs --services.",
                "Set autoscaling.knative.dev/scale-down-delay (or window) to at least the startup time.",
                Set.of(Kinds.KNATIVE_SERVICE),
                List.of("https://knative.dev/docs/serving/autoscaling/scale-bounds/#scale-down-delay")), false);
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest ksvc : Kinds.knativeServices(ctx)) {
            Optional<ServiceSpec> service = ctx.serviceOf(ksvc);
            if (service.isEmpty() || service.get().startupSeconds().isEmpty()
                    || !(ctx.policy(ksvc).orElse(null) instanceof KpaPolicy kpa)) {
                continue;
            }
            double startup = service.get().startupSeconds().getAsDouble();
            YNode annotations = ksvc.spec().get("template").get("metadata").get("annotations");
            if (scaleToZeroRule) {
                double thresholdMs = service.get().slo().thresholdMs();
                if (kpa.minReplicas() == 0 && startup * 1000 > thresholdMs) {
                    YNode min = annotation(annotations, "min-scale", "minScale");
                    out.add(finding(ksvc, min, "min-scale " + (min.isMissing() ? "defaults to 0" : "0") + ": a cold start of "
                            + Numbers.plain(startup) + " s exceeds the " + Numbers.plain(thresholdMs) + " ms SLO threshold of '"
                            + service.get().name() + "'"));
                }
            } else {
                int hold = Math.max(kpa.stableWindowSeconds(), kpa.scaleDownDelaySeconds());
                if (hold < startup) {
                    YNode at = annotation(annotations, "scale-down-delay", "scaleDownDelay");
                    if (at.isMissing()) {
                        at = annotation(annotations, "window", "window");
                    }
                    out.add(finding(ksvc, at, "stable window " + kpa.stableWindowSeconds() + " s and scale-down delay "
                            + kpa.scaleDownDelaySeconds() + " s are both shorter than the " + Numbers.plain(startup)
                            + " s startup of '" + service.get().name() + "'"));
                }
            }
        }
        return out;
    }

    private static YNode annotation(YNode annotations, String key, String legacyAlias) {
        YNode n = annotations.get(ANNOTATION_GROUP + key);
        return n.isPresent() ? n : annotations.get(ANNOTATION_GROUP + legacyAlias);
    }
}
