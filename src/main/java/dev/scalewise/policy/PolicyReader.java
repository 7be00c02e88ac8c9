package dev.scalewise.policy;

import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns one YAML document into normalized policies: dispatches on apiVersion/kind, fills in every
 * default (recorded in {@link PolicyMeta#defaulted()}), validates, and maps service and signal.
 * Documents of kinds we do not model give no policy (the caller notes them); an invalid one throws a
 * {@link YamlError} naming file:line:column and path.
 */
public final class PolicyReader {
    private PolicyReader() {
    }

    /**
     * What reading may need beyond the document: policies of the same set by metadata.name (for a
     * native kind's {@code basePolicy.name}), the services (to check a lead time against startup),
     * and where to put notes (deprecations, skipped deployments).
     */
    public record Context(Function<String, Optional<PolicySpec>> byName, Map<String, ServiceSpec> services,
                          Consumer<String> notes) {
        public static Context standalone() {
            return new Context(name -> Optional.empty(), Map.of(), note -> { });
        }
    }

    /**
     * The document's policy; empty for kinds we do not model. A Ray Serve config with several
     * autoscaled deployments yields several policies: this returns the first, {@link #readAll} all.
     */
    public static Optional<PolicySpec> read(YamlDoc doc) {
        return readAll(doc, Context.standalone()).stream().findFirst();
    }

    /** The document's first policy, where a native kind's basePolicy name is resolved by {@code byName}. */
    public static Optional<PolicySpec> read(YamlDoc doc, Function<String, Optional<PolicySpec>> byName) {
        return readAll(doc, new Context(byName, Map.of(), note -> { })).stream().findFirst();
    }

    /** Every policy the document defines (one, or one per Ray Serve deployment); empty if not modeled. */
    public static List<PolicySpec> readAll(YamlDoc doc, Context ctx) {
        if (!doc.root().isMapping()) {
            return List.of();
        }
        Manifest m = new Manifest(doc);
        checkVersion(doc);
        return switch (key(doc)) {
            case "autoscaling:HorizontalPodAutoscaler" -> List.of(HpaReader.read(m, ctx.notes()));
            case "keda.sh:ScaledObject" -> List.of(KedaReader.read(m));
            case "serving.kserve.io:InferenceService" -> KServeReader.read(m, ctx.notes()).stream().toList();
            case "serving.knative.dev:Service" -> List.of(CloudRunReader.isCloudRun(doc) ? CloudRunReader.read(m)
                    : KnativeReader.service(m, ctx.notes()));
            case "ray.io:RayService" -> RayServeReader.rayService(m, ctx.notes());
            case "scalewise.dev:ScheduledScaling" -> List.of(NativeReader.scheduled(m, ctx));
            case "scalewise.dev:PredictiveScaling" -> List.of(NativeReader.predictive(m, ctx));
            default -> doc.kind().isEmpty() && doc.root().has("applications")
                    ? RayServeReader.serveConfig(doc.root(), m, ctx.notes())
                    : AppAutoScalingReader.reads(doc) ? AppAutoScalingReader.read(doc, ctx.notes()) : List.of();
        };
    }

    /** True when the document is of a kind we read (even if it yields no policy, e.g. autoscalerClass none). */
    static boolean models(YamlDoc doc) {
        return VERSIONS.containsKey(key(doc)) || (doc.kind().isEmpty() && doc.root().has("applications"))
                || AppAutoScalingReader.reads(doc);
    }

    /**
     * The API versions read per modeled kind, newest first: the versions their projects serve or served
     * with the fields we read (autoscaling/v2beta1 and v2beta2 are read as v2; Knative Serving serves
     * only v1 since 0.19; KubeRay serves ray.io/v1 and the older v1alpha1). Any other version is refused,
     * so a typo such as autoscaling/v9 is not read as if it were v2 (the cluster would reject it).
     */
    private static final Map<String, List<String>> VERSIONS = Map.of(
            "autoscaling:HorizontalPodAutoscaler", List.of("v2", "v2beta2", "v2beta1"),
            "keda.sh:ScaledObject", List.of("v1alpha1"),
            "serving.kserve.io:InferenceService", List.of("v1beta1"),
            "serving.knative.dev:Service", List.of("v1"),
            "ray.io:RayService", List.of("v1", "v1alpha1"),
            "scalewise.dev:ScheduledScaling", List.of("v1alpha1"),
            "scalewise.dev:PredictiveScaling", List.of("v1alpha1"));

    private static void checkVersion(YamlDoc doc) {
        List<String> read = VERSIONS.get(key(doc));
        String version = doc.apiVersion().substring(doc.apiVersion().indexOf('/') + 1);
        if (read == null || read.contains(version)) {
            return;
        }
        String group = doc.apiVersion().substring(0, doc.apiVersion().indexOf('/') + 1);
        if (doc.apiVersion().equals("autoscaling/v1")) {
            throw doc.root().get("apiVersion").beyondModel("autoscaling/v1 is not read; convert it to autoscaling/v2 "
                    + "(kubectl convert) — v1 has only targetCPUUtilizationPercentage");
        }
        throw doc.root().get("apiVersion").error(doc.kind() + " has no API version " + doc.apiVersion() + "; expected "
                + String.join(" or ", read.stream().map(v -> group + v).toList()));
    }

    /** API group and kind, e.g. "keda.sh:ScaledObject" (the version does not change the kind's meaning). */
    private static String key(YamlDoc doc) {
        String v = doc.apiVersion();
        return (v.contains("/") ? v.substring(0, v.indexOf('/')) : "") + ":" + doc.kind();
    }

    /**
     * A document's object kind: its {@code kind}, or {@link AppAutoScalingPolicy#KIND} for an AWS configuration
     * (CloudFormation, Terraform, AWS CLI output), which has none; "" for neither.
     */
    public static String kindOf(YamlDoc doc) {
        return !doc.kind().isEmpty() ? doc.kind() : AppAutoScalingReader.reads(doc) ? AppAutoScalingPolicy.KIND : "";
    }

    /** True for documents PolicyLoader skips quietly: services.yaml and ours. */
    public static boolean isServices(YamlDoc doc) {
        return doc.kind().equals("Services") || (doc.kind().isEmpty() && doc.root().has("services"));
    }

    /** The native kinds refer to other policies by name, so they are read after the rest. */
    static boolean isNative(YamlDoc doc) {
        return doc.apiVersion().startsWith("scalewise.dev/");
    }
}
