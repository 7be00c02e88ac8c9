package dev.scalewise.policy;

import dev.scalewise.yaml.YamlDoc;

import java.util.List;
import java.util.Optional;

/**
 * The manifests Scalewise reads policies from, by API group and kind (the version does not change a
 * kind's meaning): the registry a new file format is added to, beside {@link PolicyKind}. A format is
 * not a kind: a KServe InferenceService becomes an HPA, a KPA or a KEDA policy. {@link PolicyReader}
 * reads each in one {@code switch} without a {@code default}, and the lint rules are grouped by it
 * ({@code lint.rules.StandardRules}), so the compiler names both places a new constant is missing from.
 */
public enum ManifestFormat {
    /** autoscaling/v2beta1 and v2beta2 are read as v2. */
    HORIZONTAL_POD_AUTOSCALER("autoscaling", "HorizontalPodAutoscaler", "v2", "v2beta2", "v2beta1"),
    SCALED_OBJECT("keda.sh", "ScaledObject", "v1alpha1"),
    INFERENCE_SERVICE("serving.kserve.io", "InferenceService", "v1beta1"),
    /** Knative Serving serves only v1 since 0.19. */
    KNATIVE_SERVICE("serving.knative.dev", "Service", "v1"),
    /** KubeRay serves ray.io/v1 and the older v1alpha1. */
    RAY_SERVICE("ray.io", "RayService", "v1", "v1alpha1"),
    /** A Ray Serve config file: no kind, no version, an {@code applications} list. */
    SERVE_CONFIG("", ""),
    SCHEDULED_SCALING("scalewise.dev", "ScheduledScaling", "v1alpha1"),
    PREDICTIVE_SCALING("scalewise.dev", "PredictiveScaling", "v1alpha1"),
    /**
     * An AWS configuration holding Application Auto Scaling resources: a CloudFormation template, a Terraform
     * JSON plan or state, the AWS CLI's describe output (no kind, no version; {@link AppAutoScalingPolicy#KIND}).
     */
    AWS_APPLICATION_AUTO_SCALING("", AppAutoScalingPolicy.KIND),
    /**
     * An Azure Container App as {@code az containerapp show --output yaml} writes it: no kind, no version, its
     * ARM type {@code Microsoft.App/containerApps}; read as the {@link KedaPolicy} Container Apps runs.
     */
    CONTAINER_APP("", "Microsoft.App/containerApps");

    private final String group;
    private final String kind;
    private final List<String> versions;

    ManifestFormat(String group, String kind, String... versions) {
        this.group = group;
        this.kind = kind;
        this.versions = List.of(versions);
    }

    /**
     * The API versions read, newest first: those the projects serve or served with the fields the readers
     * read. Any other is refused, so a typo such as autoscaling/v9 is not read as if it were v2 (the
     * cluster would reject it). Empty for a format without apiVersion.
     */
    public List<String> versions() {
        return versions;
    }

    /** The API group, e.g. "keda.sh" ("" for the core group and for a Serve config). */
    public String group() {
        return group;
    }

    /** The kind as written ("" for a Serve config). */
    public String kind() {
        return kind;
    }

    /** The format of a document; empty for one no reader models. */
    public static Optional<ManifestFormat> of(YamlDoc doc) {
        if (ContainerAppReader.reads(doc)) {
            return Optional.of(CONTAINER_APP);
        }
        if (doc.kind().isEmpty()) {
            return doc.root().has("applications") ? Optional.of(SERVE_CONFIG)
                    : AppAutoScalingReader.reads(doc) ? Optional.of(AWS_APPLICATION_AUTO_SCALING) : Optional.empty();
        }
        String v = doc.apiVersion();
        String docGroup = v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
        for (ManifestFormat f : values()) {
            if (f.group.equals(docGroup) && f.kind.equals(doc.kind())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
