package dev.scalewise.policy;

import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlPath;
import dev.scalewise.yaml.YamlError;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns one YAML document into normalized policies: dispatches on its {@link ManifestFormat}, fills in every
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
        Optional<ManifestFormat> format = ManifestFormat.of(doc);
        if (format.isEmpty()) {
            return List.of();
        }
        ManifestReading m = new ManifestReading(doc);
        checkVersion(doc, format.get());
        // no default: a new ManifestFormat does not compile until it has its reader here
        return switch (format.get()) {
            case HORIZONTAL_POD_AUTOSCALER -> List.of(HpaReader.read(m, ctx.notes()));
            case SCALED_OBJECT -> List.of(KedaReader.read(m));
            case INFERENCE_SERVICE -> KServeReader.read(m, ctx.notes()).stream().toList();
            case KNATIVE_SERVICE -> List.of(CloudRunReader.isCloudRun(doc) ? CloudRunReader.read(m)
                    : KnativeReader.service(m, ctx.notes()));
            case RAY_SERVICE -> RayServeReader.rayService(m, ctx.notes());
            case SERVE_CONFIG -> RayServeReader.serveConfig(doc.root(), YamlPath.ROOT, m, ctx.notes());
            case SCHEDULED_SCALING -> List.of(NativeReader.scheduled(m, ctx));
            case PREDICTIVE_SCALING -> List.of(NativeReader.predictive(m, ctx));
            case AWS_APPLICATION_AUTO_SCALING -> AppAutoScalingReader.read(doc, ctx.notes());
            case CONTAINER_APP -> List.of(ContainerAppReader.read(m));
        };
    }

    /** True when the document is of a kind we read (even if it yields no policy, e.g. autoscalerClass none). */
    static boolean models(YamlDoc doc) {
        return ManifestFormat.of(doc).isPresent();
    }

    /** Refuses an API version the format's projects do not serve ({@link ManifestFormat#versions()}). */
    private static void checkVersion(YamlDoc doc, ManifestFormat format) {
        List<String> read = format.versions();
        String version = doc.apiVersion().substring(doc.apiVersion().indexOf('/') + 1);
        if (read.isEmpty() || read.contains(version)) {
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

    /**
     * A document's object kind: its {@code kind}, {@link AppAutoScalingPolicy#KIND} for an AWS configuration
     * (CloudFormation, Terraform, AWS CLI output), which has none, an Azure Container App's ARM type; "" for none.
     */
    public static String kindOf(YamlDoc doc) {
        if (ContainerAppReader.reads(doc)) {
            return ManifestFormat.CONTAINER_APP.kind();
        }
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
