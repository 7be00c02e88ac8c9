package dev.scalewise.policy;

/**
 * The kinds of policy Scalewise replays and tunes, one per controller family: the registry a new kind
 * is added to (docs/ARCHITECTURE.md, "Adding a policy kind"). Whatever a layer does per kind it does in
 * one {@code switch} over this enum without a {@code default}, so the compiler names every place a new
 * constant is still missing from: the replayed controller ({@code sim.autoscaler.Autoscalers}), the
 * search space ({@code recommend.Tuners}), the sentence and the signals ({@link PolicyExplainer},
 * {@link Render#signals}) and the family results report ({@code backtest.PolicyId}). Which manifests a
 * kind is read from is the other list, {@link ManifestFormat}.
 */
public enum PolicyKind {
    HPA("hpa", HpaPolicy.class),
    KEDA("keda", KedaPolicy.class),
    KPA("kpa", KpaPolicy.class),
    RAY_SERVE("rayserve", RayServePolicy.class),
    SCHEDULED("scheduled", ScheduledPolicy.class),
    PREDICTIVE("predictive", PredictivePolicy.class),
    APP_AUTO_SCALING("appautoscaling", AppAutoScalingPolicy.class),
    CLOUD_RUN("cloudrun", CloudRunPolicy.class);

    private final String id;
    private final Class<? extends PolicySpec> type;

    PolicyKind(String id, Class<? extends PolicySpec> type) {
        this.id = id;
        this.type = type;
    }

    /** The record of this kind (each record's {@code kind()} returns its constant). */
    public Class<? extends PolicySpec> type() {
        return type;
    }

    /** How results name the controller: hpa, keda, kpa, rayserve, scheduled, predictive. */
    public String id() {
        return id;
    }

    /** False for the kinds that wrap a reactive base policy (scheduled windows, a forecast). */
    public boolean reactive() {
        return switch (this) {
            case HPA, KEDA, KPA, RAY_SERVE, APP_AUTO_SCALING, CLOUD_RUN -> true;
            case SCHEDULED, PREDICTIVE -> false;
        };
    }
}
