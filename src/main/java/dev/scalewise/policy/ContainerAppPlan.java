package dev.scalewise.policy;

/**
 * How Azure bills an app's replicas: the workload profile it runs on ({@code properties.workloadProfileName};
 * {@value #CONSUMPTION} when the environment has none) and what each replica is allocated. Only the
 * Consumption profile bills per replica by the second with an idle rate (docs/autoscalers.md, D36).
 */
public record ContainerAppPlan(String workloadProfile, ReplicaShape shape) {
    public static final String CONSUMPTION = "Consumption";

    public boolean consumption() {
        return workloadProfile.equalsIgnoreCase(CONSUMPTION);
    }
}
