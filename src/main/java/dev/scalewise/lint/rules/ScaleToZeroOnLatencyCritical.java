package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.policy.CloudRunPolicy;
import dev.scalewise.policy.KedaPolicy;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SW204 (KEDA), SW402 (KServe), SW601 (Azure Container Apps) and SW701 (Google Cloud Run): a floor of zero on
 * a service services.yaml marks latency-critical. One class, four rules: the finding, rationale and fix differ
 * only in where the floor is written.
 */
final class ScaleToZeroOnLatencyCritical extends AbstractRule {
    private final String kind;

    private ScaleToZeroOnLatencyCritical(RuleMeta meta, String kind) {
        super(meta);
        this.kind = kind;
    }

    static ScaleToZeroOnLatencyCritical keda() {
        return new ScaleToZeroOnLatencyCritical(new RuleMeta("SW204", "keda-scale-to-zero-latency-critical", Severity.WARNING,
                "a valid config; a judgment from services.yaml's latency-critical flag",
                "ScaledObject scales a latency-critical service to zero",
                "KEDA's minReplicaCount defaults to 0, and idleReplicaCount: 0 also empties the workload while its"
                        + " triggers are inactive. The first request after an idle period then waits for a whole cold"
                        + " start (schedule, image pull, model load), far beyond a user-facing latency SLO. The"
                        + " service is latency-critical per services.yaml (latencyCritical, default true). Needs"
                        + " --services.",
                "Set minReplicaCount >= 1 and remove idleReplicaCount, or mark the service latencyCritical: false"
                        + " in services.yaml if cold starts are acceptable.",
                Set.of(Kinds.SCALED_OBJECT),
                List.of("https://keda.sh/docs/latest/reference/scaledobject-spec/#minreplicacount")), Kinds.SCALED_OBJECT);
    }

    static ScaleToZeroOnLatencyCritical kserve() {
        return new ScaleToZeroOnLatencyCritical(new RuleMeta("SW402", "kserve-scale-to-zero-latency-critical", Severity.WARNING,
                "a valid config; a judgment from services.yaml's latency-critical flag",
                "InferenceService minReplicas 0 on a latency-critical model",
                "minReplicas: 0 lets the KPA remove the last predictor pod after the scale-to-zero grace period;"
                        + " the next request waits in the activator for a cold start that loads the model (often"
                        + " minutes for a large model). The service is latency-critical per services.yaml"
                        + " (latencyCritical, default true). Needs --services.",
                "Set spec.predictor.minReplicas to at least 1, or mark the service latencyCritical: false in"
                        + " services.yaml if cold starts are acceptable.",
                Set.of(Kinds.INFERENCE_SERVICE),
                List.of("https://kserve.github.io/website/latest/modelserving/autoscaling/autoscaling/")), Kinds.INFERENCE_SERVICE);
    }

    static ScaleToZeroOnLatencyCritical containerApp() {
        return new ScaleToZeroOnLatencyCritical(new RuleMeta("SW601", "container-apps-scale-to-zero-latency-critical",
                Severity.WARNING, "a valid config; a judgment from services.yaml's latency-critical flag",
                "Azure Container App scales a latency-critical service to zero",
                "A container app's minReplicas defaults to 0: after the cooldown period (300 s by default) without"
                        + " requests the last replica is removed, and the next request waits for a whole cold start"
                        + " (replica scheduling, image pull, model load), far beyond a user-facing latency SLO. The"
                        + " service is latency-critical per services.yaml (latencyCritical, default true). Needs"
                        + " --services.",
                "Set properties.template.scale.minReplicas to at least 1, or mark the service latencyCritical: false"
                        + " in services.yaml if cold starts are acceptable.",
                Set.of(CONTAINER_APP),
                List.of("https://learn.microsoft.com/azure/container-apps/scale-app")), CONTAINER_APP);
    }

    /**
     * A Cloud Run service is a Knative Service by its kind; only those read as Cloud Run (not the KPA, whose
     * scale to zero SW302 judges against the SLO) are this rule's.
     */
    static ScaleToZeroOnLatencyCritical cloudRun() {
        return new ScaleToZeroOnLatencyCritical(new RuleMeta("SW701", "cloud-run-scale-to-zero-latency-critical",
                Severity.WARNING, "a valid config; a judgment from services.yaml's latency-critical flag",
                "Cloud Run service scales a latency-critical service to zero",
                "Cloud Run's minimum instances default to 0: once no request arrives, the idle instances are removed"
                        + " (Cloud Run keeps them up to 15 minutes), and the next request waits for a new instance to"
                        + " start (image pull, model load), far beyond a user-facing latency SLO. The service is"
                        + " latency-critical per services.yaml (latencyCritical, default true). Needs --services.",
                "Set the annotation autoscaling.knative.dev/minScale (gcloud: --min-instances) on the revision template"
                        + " to at least 1, or mark the service latencyCritical: false in services.yaml if cold starts are"
                        + " acceptable.",
                Set.of(Kinds.KNATIVE_SERVICE),
                List.of("https://cloud.google.com/run/docs/configuring/min-instances",
                        "https://cloud.google.com/run/docs/about-instance-autoscaling")), Kinds.KNATIVE_SERVICE);
    }

    private static final String CONTAINER_APP = dev.scalewise.policy.ManifestFormat.CONTAINER_APP.kind();

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest m : kind.equals(Kinds.KNATIVE_SERVICE) ? Kinds.knativeServices(ctx) : ctx.ofKind(kind)) {
            Optional<ServiceSpec> service = ctx.serviceOf(m);
            Optional<PolicySpec> policy = ctx.policy(m);
            if (service.isEmpty() || !service.get().latencyCritical() || policy.isEmpty()
                    || kind.equals(Kinds.KNATIVE_SERVICE) && !(policy.get() instanceof CloudRunPolicy)) {
                continue;
            }
            boolean idleToZero = policy.get() instanceof KedaPolicy k && k.idleReplicaCount().isPresent()
                    && k.idleReplicaCount().getAsInt() == 0;
            if (policy.get().minReplicas() > 0 && !idleToZero) {
                continue;
            }
            YNode parent = kind.equals(Kinds.INFERENCE_SERVICE) ? m.spec().get("predictor")
                    : kind.equals(CONTAINER_APP) ? m.doc().root().get("properties").get("template").get("scale")
                    : kind.equals(Kinds.KNATIVE_SERVICE) ? m.spec().get("template").get("metadata").get("annotations")
                    : m.spec();
            String floor = switch (kind) {
                case Kinds.SCALED_OBJECT -> "minReplicaCount";
                case Kinds.KNATIVE_SERVICE -> CloudRunPolicy.MIN_SCALE_ANNOTATION;
                default -> "minReplicas";
            };
            YNode node = parent.get(idleToZero ? "idleReplicaCount" : floor);
            String what = idleToZero ? "idleReplicaCount 0 empties the workload while idle"
                    : (node.isMissing() ? "the floor defaults to 0" : floor.substring(floor.lastIndexOf('/') + 1) + " 0");
            String message = what + ", but service '" + service.get().name()
                    + "' is latency-critical: the first request after idle waits a cold start"
                    + service.get().startupSeconds().stream().mapToObj(s -> " of " + Numbers.plain(s) + " s").findFirst().orElse("");
            // a Container App without minReplicas: at its scale block (or its template, without one)
            out.add(node.isMissing() && kind.equals(CONTAINER_APP)
                    ? findingAtKey(m, m.doc().root().get("properties").get("template"), "scale", message)
                    : findingOrSpec(m, node, message));
        }
        return out;
    }
}
