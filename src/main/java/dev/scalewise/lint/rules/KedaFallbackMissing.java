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

/** SW205: external triggers without a fallback. */
final class KedaFallbackMissing extends AbstractRule {
    /** Scalers served by the metrics server rather than an external system; fallback does not apply. */
    private static final Set<String> IN_CLUSTER = Set.of("cpu", "memory");

    KedaFallbackMissing() {
        super(new RuleMeta("SW205", "keda-fallback-missing", Severity.WARNING,
                "a valid config; the risk comes with an outage of the trigger's source",
                "ScaledObject with external triggers has no fallback",
                "When the external system behind a trigger (Prometheus, a queue, a cloud API) cannot be read, KEDA"
                        + " without spec.fallback reports the error and the HPA keeps the current count, or scales to"
                        + " zero once the ScaledObject turns inactive. With fallback, after failureThreshold failed"
                        + " reads KEDA holds a safe replica count instead. Fallback applies to triggers other than"
                        + " cpu and memory.",
                "Add spec.fallback with failureThreshold (e.g. 3) and replicas (the count that serves the usual"
                        + " peak).",
                Set.of(Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/#fallback")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest so : ctx.ofKind(Kinds.SCALED_OBJECT)) {
            if (so.spec().has("fallback")) {
                continue;
            }
            for (YNode t : so.spec().get("triggers").items()) {
                String type = t.get("type").asText("");
                if (!IN_CLUSTER.contains(type)) {
                    out.add(finding(so, t, "trigger '" + type + "' reads an external system but the ScaledObject has"
                            + " no fallback replicas for when it fails"));
                    break;
                }
            }
        }
        return out;
    }
}
