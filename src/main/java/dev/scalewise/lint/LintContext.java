package dev.scalewise.lint;

import dev.scalewise.UserError;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rules of one run see: every object of every linted document, indexed by kind, plus the
 * configuration, the target Kubernetes version and services.yaml (empty when {@code --services} was
 * not given: rules that need a service's SLO or startup then stay silent rather than guess).
 */
public final class LintContext {
    /** Kinds an HPA or ScaledObject usually scales, whose pod template the rules read. */
    public static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    private final List<Manifest> manifests;
    private final Map<String, List<Manifest>> byKind;
    private final LintConfig config;
    private final KubeVersion kubeVersion;
    private final Optional<Map<String, ServiceSpec>> services;
    private final PolicyModel policyModel;
    private final Map<Manifest, Optional<PolicySpec>> policies = new HashMap<>();
    private final Map<Manifest, UserError> rejected = new HashMap<>();

    public LintContext(List<YamlDoc> docs, LintConfig config, KubeVersion kubeVersion,
                       Optional<Map<String, ServiceSpec>> services, PolicyModel policyModel) {
        // A document without a kind (values files, services.yaml, Kustomize patches) is not an object, unless it
        // is an AWS configuration (CloudFormation, Terraform, AWS CLI output).
        this.manifests = docs.stream().map(Manifest::new).filter(m -> !m.kind().isEmpty()).toList();
        this.byKind = manifests.stream().collect(Collectors.groupingBy(Manifest::kind));
        this.config = config;
        this.kubeVersion = kubeVersion;
        this.services = services.map(Map::copyOf);
        this.policyModel = policyModel;
    }

    /**
     * The normalized policy of an autoscaler object. Empty when it is not a policy or the policy model
     * rejects it: the static rules report what is wrong in the raw YAML, and lint must not stop there.
     */
    public Optional<PolicySpec> policy(Manifest m) {
        Optional<PolicySpec> known = policies.get(m);
        if (known != null) {
            return known;
        }
        policies.put(m, Optional.empty()); // a basePolicy naming its own object finds nothing
        Optional<PolicySpec> read;
        try {
            read = policyModel.read(m.doc(), this::policyNamed);
        } catch (UserError e) {
            rejected.put(m, e);
            read = Optional.empty();
        }
        policies.put(m, read);
        return read;
    }

    /** Why the policy model refuses an object of a kind it reads (SW003); empty when it reads it or is not one. */
    public Optional<UserError> policyRejection(Manifest m) {
        policy(m);
        return Optional.ofNullable(rejected.get(m));
    }

    /**
     * This run without the objects the policy model finds invalid: a rule that fails to parse one of
     * them runs again on the rest (SW003 reports them), instead of ending the whole lint.
     */
    LintContext withoutInvalid() {
        List<YamlDoc> valid = manifests.stream().filter(m -> policyRejection(m)
                .filter(e -> !(e instanceof YamlError y && y.isBeyondModel())).isEmpty()).map(Manifest::doc).toList();
        return new LintContext(valid, config, kubeVersion, services, policyModel);
    }

    private Optional<PolicySpec> policyNamed(String name) {
        return manifests.stream().filter(m -> m.name().equals(name)).map(this::policy).flatMap(Optional::stream)
                .findFirst();
    }

    /** Every object that reads as an autoscaling policy, with its normalized policy, in input order. */
    public java.util.Map<Manifest, PolicySpec> policies() {
        java.util.Map<Manifest, PolicySpec> out = new java.util.LinkedHashMap<>();
        for (Manifest m : manifests) {
            policy(m).ifPresent(p -> out.put(m, p));
        }
        return out;
    }

    /** The services.yaml entry of the service a policy serves. */
    public Optional<ServiceSpec> serviceOf(Manifest m) {
        return policy(m).flatMap(p -> service(p.meta().service()));
    }

    public List<Manifest> manifests() {
        return manifests;
    }

    public List<Manifest> ofKind(String... kinds) {
        if (kinds.length == 1) {
            return byKind.getOrDefault(kinds[0], List.of());
        }
        Set<String> wanted = Set.of(kinds);
        return manifests.stream().filter(m -> wanted.contains(m.kind())).toList();
    }

    public LintConfig config() {
        return config;
    }

    public KubeVersion kubeVersion() {
        return kubeVersion;
    }

    /** True when services.yaml was given, so "no entry" means "not configured" rather than "unknown". */
    public boolean hasServices() {
        return services.isPresent();
    }

    /** The services.yaml entry of a service, when the file was given and names it. */
    public Optional<ServiceSpec> service(String name) {
        return services.flatMap(s -> Optional.ofNullable(s.get(name)));
    }

    /**
     * The workload a {@code scaleTargetRef} names (kind defaults to Deployment, as in KEDA), in the same
     * namespace as {@code owner}.
     */
    public Optional<Manifest> target(Manifest owner, YNode scaleTargetRef) {
        String kind = scaleTargetRef.get("kind").asText("Deployment");
        String name = scaleTargetRef.get("name").asText("");
        return byKind.getOrDefault(kind, List.of()).stream()
                .filter(m -> m.name().equals(name) && m.sameNamespace(owner.namespace()))
                .min(Comparator.comparingInt(m -> distance(owner.doc().source(), m.doc().source())));
    }

    /**
     * How far apart two sources are, for repos that hold one object in several variants (Kustomize
     * overlays, one directory per environment): the same file is nearest, then files sharing the longest
     * directory prefix.
     */
    static int distance(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        Path pa = Path.of(a).toAbsolutePath().normalize().getParent();
        Path pb = Path.of(b).toAbsolutePath().normalize().getParent();
        int common = 0;
        while (pa != null && pb != null && common < Math.min(pa.getNameCount(), pb.getNameCount())
                && pa.getName(common).equals(pb.getName(common))) {
            common++;
        }
        int depth = pa == null || pb == null ? 0 : Math.max(pa.getNameCount(), pb.getNameCount());
        return 1 + depth - common;
    }

    /** HPAs and ScaledObjects: the objects that own a workload's replica count. */
    public List<Manifest> autoscalers() {
        return ofKind("HorizontalPodAutoscaler", "ScaledObject");
    }
}
