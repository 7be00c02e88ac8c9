package dev.scalewise.sample;

import dev.scalewise.Numbers;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration the synthetic fleet was "run" with, as a user would keep it in a repository:
 * services.yaml (SLOs, start-up times) and the HPA manifests that produced the observed replicas.
 */
public final class SampleManifests {
    /** Batch-like services that may queue; the rest are user-facing. */
    static final Set<String> NOT_LATENCY_CRITICAL = Set.of("vision-ocr", "image-gen");

    private SampleManifests() {
    }

    public static String servicesYaml(List<ServiceProfile> profiles) {
        StringBuilder out = new StringBuilder("# SLOs and start-up times of the synthetic fleet (scalewise sample-data).\n"
                + "services:\n");
        for (ServiceProfile p : profiles) {
            out.append("  ").append(p.name()).append(":\n")
                    .append("    slo: {").append(targets(p.slo()))
                    .append(", objective: ").append(Numbers.plain(p.slo().objective())).append("}\n")
                    .append("    startupSeconds: ").append(p.startupSeconds()).append('\n')
                    .append("    latencyCritical: ").append(!NOT_LATENCY_CRITICAL.contains(base(p.name())))
                    .append('\n')
                    .append("    requestTimeoutSeconds: ").append(Numbers.plain(p.timeoutSeconds())).append('\n');
            if (p.llm() != null) {
                out.append("    capacity: {promptTokenWeight: ").append(Numbers.plain(p.llm().promptTokenWeight()))
                        .append("}\n");
            }
        }
        return out.toString();
    }

    /** services.yaml's SLO keys: {@code latency: p95, thresholdMs: N}, {@code ttft: {percentile: p95, thresholdMs: N}}, ... */
    private static String targets(Slo slo) {
        StringBuilder out = new StringBuilder();
        for (Slo.Target t : slo.targets()) {
            String p = t.percentile().name().toLowerCase(Locale.ROOT);
            out.append(out.length() == 0 ? "" : ", ").append(t.metric() == Slo.Metric.LATENCY
                    ? "latency: " + p + ", thresholdMs: " + Numbers.plain(t.thresholdMs())
                    : t.metric().key() + ": {percentile: " + p + ", thresholdMs: " + Numbers.plain(t.thresholdMs()) + "}");
        }
        return out.toString();
    }

    /** Where the writer puts {@link #hpaYaml(List)}; also the source name of parse errors. */
    static final String HPA_PATH = "policies/observed-hpa.yaml";

    /** One autoscaling/v2 HPA per service, legacy path (no behavior), Pods rps_per_replica AverageValue. */
    public static String hpaYaml(List<ServiceProfile> profiles) {
        StringBuilder out = new StringBuilder();
        for (ServiceProfile p : profiles) {
            out.append(hpaYaml(p));
        }
        return out.toString();
    }

    /**
     * The HPA that drives the service's simulated replicas, read back the way {@code scalewise} reads a
     * user's manifest: so the document written to {@link #HPA_PATH} is by construction the policy that
     * produced the observed replicas. rps_per_replica is a Pods AverageValue metric, which
     * {@code SignalMapping} maps to {@link dev.scalewise.policy.Signal#RPS_PER_REPLICA} by name.
     */
    public static HpaPolicy observedHpa(ServiceProfile profile) {
        List<YamlDoc> docs = SafeYaml.parse(HPA_PATH, hpaYaml(profile).getBytes(StandardCharsets.UTF_8));
        PolicySpec policy = PolicyReader.read(docs.get(0))
                .orElseThrow(() -> new IllegalStateException(profile.name() + ": the HPA manifest gave no policy"));
        if (!(policy instanceof HpaPolicy hpa)) {
            throw new IllegalStateException(profile.name() + ": expected an HPA, read "
                    + policy.getClass().getSimpleName());
        }
        return hpa;
    }

    static String hpaYaml(ServiceProfile p) {
        return "---\n"
                + "apiVersion: autoscaling/v2\n"
                + "kind: HorizontalPodAutoscaler\n"
                + "metadata:\n"
                + "  name: " + p.name() + "\n"
                + "  namespace: inference\n"
                + "spec:\n"
                + "  scaleTargetRef:\n"
                + "    apiVersion: apps/v1\n"
                + "    kind: Deployment\n"
                + "    name: " + p.name() + "\n"
                + "  minReplicas: " + p.minReplicas() + "\n"
                + "  maxReplicas: " + p.maxReplicas() + "\n"
                + "  metrics:\n"
                + "    - type: Pods\n"
                + "      pods:\n"
                + "        metric:\n"
                + "          name: rps_per_replica\n"
                + "        target:\n"
                + "          type: AverageValue\n"
                + "          averageValue: " + quantity(p.targetRpsPerReplica()) + "\n";
    }

    /** A Kubernetes quantity: whole numbers as is, otherwise milli-units (1.68 -> 1680m). */
    static String quantity(double value) {
        long milli = StrictMath.round(value * 1000);
        return milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m";
    }


    private static String base(String name) {
        int dash = name.lastIndexOf('-');
        return dash > 0 && name.substring(dash + 1).chars().allMatch(Character::isDigit) ? name.substring(0, dash) : name;
    }
}
