package dev.scalewise.testkit;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.PolicyMeta;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.yaml.SourceLocation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The real GenAI serving trace (../shared/traces/alibaba-genai-2026: ~110 replicas, one service, p95 SLO of
 * 68 s as its services.yaml states) with the policy issue 17 replayed on it: an HPA on GPU utilization at 60 %.
 */
public final class GenAiTrace {
    public static final String SERVICE = "genai-sd";
    /** The trace's services.yaml, a price added (its billing is synthetic), then {@code %s} for more settings. */
    public static final String SERVICES = """
            services:
              genai-sd:
                slo: {latency: p95, thresholdMs: 68000, objective: 0.95}
                startupSeconds: 240
                pricePerReplicaHour: 1.1
            %s""";
    /** Three Locust runs of one replica (src/test/resources/loadtests) as a capacity: entry. */
    public static final String LOAD_TESTS = """
                capacity:
                  loadTests: [genai_2users_stats.csv, genai_4users_stats.csv, genai_6users_stats.csv]
            """;

    private GenAiTrace() {
    }

    public static ServiceHistory history(int stepSeconds) {
        return ContractCsv.history(ContractCsv.ALIBABA, SERVICE, stepSeconds);
    }

    /** The spec with {@code more} (e.g. {@link #LOAD_TESTS}) added to the service's entry. */
    public static ServiceSpec spec(String more) {
        return ServicesYaml.spec(SERVICE, SERVICES.formatted(more));
    }

    public static HpaPolicy gpuHpa() {
        PolicyMeta meta = new PolicyMeta(SERVICE, "HorizontalPodAutoscaler", "autoscaling/v2", SERVICE,
                new SourceLocation("hpa.yaml", 1, 1), Set.of());
        return new HpaPolicy(meta, 10, 200, List.of(new MetricTarget(MetricTarget.MetricSource.PODS,
                "DCGM_FI_DEV_GPU_UTIL", Signal.GPU_UTIL, MetricTarget.TargetType.AVERAGE_VALUE, 60)), Optional.empty(),
                0.1, 15);
    }
}
