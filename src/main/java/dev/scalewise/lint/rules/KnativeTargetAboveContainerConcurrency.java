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

/** SW301: Knative concurrency target above the hard containerConcurrency limit. */
final class KnativeTargetAboveContainerConcurrency extends AbstractRule {
    static final String TARGET = "autoscaling.knative.dev/target";
    static final String METRIC = "autoscaling.knative.dev/metric";

    KnativeTargetAboveContainerConcurrency() {
        super(new RuleMeta("SW301", "knative-target-above-container-concurrency", Severity.WARNING,
                "a valid config (Knative accepts it); the autoscaler under-provisions, by how much depends on the load",
                "Knative concurrency target is above containerConcurrency",
                "containerConcurrency is a hard limit: the queue-proxy never lets more requests than that into a"
                        + " pod, so the concurrency the autoscaler observes per pod can never reach a higher target."
                        + " The KPA then computes too few pods and requests wait in the activator and queue-proxy"
                        + " instead of triggering scale-up.",
                "Set autoscaling.knative.dev/target at or below containerConcurrency (Knative's default aims at"
                        + " 70 % of it via target-utilization-percentage), or raise containerConcurrency.",
                Set.of(Kinds.KNATIVE_SERVICE),
                List.of("https://knative.dev/docs/serving/autoscaling/concurrency/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest ksvc : Kinds.knativeServices(ctx)) {
            YNode template = ksvc.spec().get("template");
            YNode annotations = template.get("metadata").get("annotations");
            YNode target = annotations.get(TARGET);
            int cc = template.get("spec").get("containerConcurrency").asInt(0);
            if (target.isMissing() || cc == 0 || !annotations.get(METRIC).asText("concurrency").equals("concurrency")) {
                continue;
            }
            double t = target.asDouble(0);
            if (t > cc) {
                out.add(finding(ksvc, target, "concurrency target " + target.asText("?") + " is above containerConcurrency "
                        + cc + "; pods can never report that much concurrency, so the KPA under-scales"));
            }
        }
        return out;
    }
}
