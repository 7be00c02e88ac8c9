package dev.scalewise.sample;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The configuration the synthetic fleet was "run" with, as a user would keep it in a repository:
 * services.yaml (SLOs, start-up times) and the HPA manifests the observed replicas imitate.
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
                    .append("    slo: {latency: ").append(p.slo().percentile().name().toLowerCase(Locale.ROOT))
                    .append(", thresholdMs: ").append(number(p.slo().thresholdMs()))
                    .append(", objective: ").append(number(p.slo().objective())).append("}\n")
                    .append("    startupSeconds: ").append(p.startupSeconds()).append('\n')
                    .append("    latencyCritical: ").append(!NOT_LATENCY_CRITICAL.contains(base(p.name())))
                    .append('\n');
        }
        return out.toString();
    }

    /** One autoscaling/v2 HPA per service, legacy path (no behavior), Pods rps_per_replica AverageValue. */
    public static String hpaYaml(List<ServiceProfile> profiles) {
        StringBuilder out = new StringBuilder();
        for (ServiceProfile p : profiles) {
            out.append("---\n")
                    .append("apiVersion: autoscaling/v2\n")
                    .append("kind: HorizontalPodAutoscaler\n")
                    .append("metadata:\n")
                    .append("  name: ").append(p.name()).append('\n')
                    .append("  namespace: inference\n")
                    .append("spec:\n")
                    .append("  scaleTargetRef:\n")
                    .append("    apiVersion: apps/v1\n")
                    .append("    kind: Deployment\n")
                    .append("    name: ").append(p.name()).append('\n')
                    .append("  minReplicas: ").append(p.minReplicas()).append('\n')
                    .append("  maxReplicas: ").append(p.maxReplicas()).append('\n')
                    .append("  metrics:\n")
                    .append("    - type: Pods\n")
                    .append("      pods:\n")
                    .append("        metric:\n")
                    .append("          name: rps_per_replica\n")
                    .append("        target:\n")
                    .append("          type: AverageValue\n")
                    .append("          averageValue: ").append(quantity(p.targetRpsPerReplica())).append('\n');
        }
        return out.toString();
    }

    /** A Kubernetes quantity: whole numbers as is, otherwise milli-units (1.68 -> 1680m). */
    static String quantity(double value) {
        long milli = StrictMath.round(value * 1000);
        return milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m";
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String base(String name) {
        int dash = name.lastIndexOf('-');
        return dash > 0 && name.substring(dash + 1).chars().allMatch(Character::isDigit) ? name.substring(0, dash) : name;
    }
}
