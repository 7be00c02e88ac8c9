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

/** SW113: a VPA that updates pods and an HPA on CPU or memory scale the same workload. */
final class VpaAndHpaOnSameResource extends AbstractRule {
    VpaAndHpaOnSameResource() {
        super(new RuleMeta("SW113", "vpa-and-hpa-on-cpu-memory", Severity.WARNING,
                "both objects are valid; the two controllers interfere, by how much depends on the load",
                "VPA (updateMode not Off) and HPA on CPU/memory target the same workload",
                "The VPA changes the requests that the HPA divides by: when usage rises the VPA raises requests,"
                        + " utilization falls and the HPA scales in, and the two controllers chase each other. The VPA"
                        + " documentation says not to use them together on CPU or memory. updateMode defaults to"
                        + " Auto; an HPA without metrics uses CPU.",
                "Set the VPA's updatePolicy.updateMode to Off (recommendations only), or scale the HPA on a"
                        + " custom or external metric (requests in flight, queue depth, GPU utilization).",
                Set.of(Kinds.VPA),
                List.of("https://github.com/kubernetes/autoscaler/tree/master/vertical-pod-autoscaler#known-limitations")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest vpa : ctx.ofKind(Kinds.VPA)) {
            YNode mode = vpa.spec().get("updatePolicy").get("updateMode");
            if (mode.asText("Auto").equals("Off")) {
                continue;
            }
            YNode ref = vpa.spec().get("targetRef");
            for (Manifest hpa : ctx.ofKind(Kinds.HPA)) {
                if (sameTarget(vpa, ref, hpa, hpa.spec().get("scaleTargetRef")) && onCpuOrMemory(hpa)) {
                    String msg = "VPA updateMode " + mode.asText("Auto (default)") + " and " + hpa.ref().display()
                            + " scaling on CPU/memory both act on " + ref.get("kind").asText("?") + "/"
                            + ref.get("name").asText("?");
                    out.add(mode.isPresent() ? finding(vpa, mode, msg) : finding(vpa, ref, msg));
                }
            }
        }
        return out;
    }

    private static boolean onCpuOrMemory(Manifest hpa) {
        return HpaMetrics.noMetrics(hpa) || HpaMetrics.resourceMetrics(hpa).stream()
                .anyMatch(rm -> rm.resource().equals("cpu") || rm.resource().equals("memory"));
    }

    /** Both references name the same workload (a reference without a name names nothing). */
    static boolean sameTarget(Manifest a, YNode refA, Manifest b, YNode refB) {
        String name = refA.get("name").asText("");
        return !name.isEmpty() && name.equals(refB.get("name").asText(""))
                && refA.get("kind").asText("Deployment").equals(refB.get("kind").asText("Deployment"))
                && a.sameNamespace(b.namespace());
    }
}
