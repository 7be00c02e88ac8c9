package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SW106: a Utilization target on a resource some container does not request. The HPA computes
 * utilization as usage / request summed over the pod's containers, and fails the metric with "missing
 * request for cpu" when one lacks it (kubernetes pkg/controller/podautoscaler/replica_calculator.go,
 * calculatePodRequests).
 */
final class UtilizationWithoutRequest extends AbstractRule {
    UtilizationWithoutRequest() {
        super(new RuleMeta("SW106", "utilization-without-request", Severity.ERROR,
                "the HPA controller cannot compute the metric, so it never scales on it",
                "Utilization target on a resource a container of the target does not request",
                "Resource utilization is usage divided by the containers' requests. If any container of the pod"
                        + " has no request for that resource, the HPA controller cannot compute the metric (event"
                        + " 'missing request for cpu') and does not scale on it at all. An HPA without metrics uses"
                        + " CPU utilization 80 % and has the same need. For a ContainerResource metric only the named"
                        + " container counts.",
                "Add `resources.requests.cpu` (or `.memory`) to every container of the target's pod template (or to the"
                        + " named container for ContainerResource), or scale on an AverageValue or a Pods metric.",
                Set.of(Kinds.HPA),
                List.of("https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#support-for-resource-metrics")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
            Optional<Manifest> target = ctx.target(hpa, hpa.spec().get("scaleTargetRef"));
            if (target.isEmpty()) {
                continue;
            }
            if (HpaMetrics.noMetrics(hpa)) {
                missing(target.get(), "cpu", Optional.empty()).ifPresent(c -> out.add(findingAtKey(hpa, hpa.root(), "spec",
                        "no metrics means CPU utilization 80 %, but container '" + c + "' of "
                                + target.get().ref().display() + " has no resources.requests.cpu")));
                continue;
            }
            for (HpaMetrics.ResourceMetric rm : HpaMetrics.resourceMetrics(hpa)) {
                if (rm.utilization().isPresent()) {
                    missing(target.get(), rm.resource(), rm.container()).ifPresent(c -> out.add(finding(hpa, rm.node(),
                            rm.resource() + " Utilization target, but container '" + c + "' of "
                                    + target.get().ref().display() + " has no resources.requests." + rm.resource()
                                    + "; the HPA cannot compute this metric")));
                }
            }
        }
        return out;
    }

    /** The first container (or the named one) without a request for {@code resource}. */
    private static Optional<String> missing(Manifest workload, String resource, Optional<String> only) {
        for (YNode c : PodTemplates.containers(workload)) {
            String name = c.get("name").asText("?");
            if (only.isPresent() && !only.get().equals(name)) {
                continue;
            }
            if (c.get("resources").get("requests").get(resource).isMissing()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
