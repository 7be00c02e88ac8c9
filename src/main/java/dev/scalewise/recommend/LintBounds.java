package dev.scalewise.recommend;

import dev.scalewise.lint.LintConfig;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/**
 * What our own lint rules (docs/rules) say about the knobs the recommender changes, as bounds on their
 * candidates: a knob the recommendation changes never gets a value a rule would flag, so every emitted
 * manifest lints clean for the knobs it changed (the rules are not suppressed; the search never goes
 * there). A knob kept at its current value is not judged: it is the user's. The rules' thresholds are
 * lint's defaults (docs/lint.md); `LintHoldsForAdviceTest` runs the linter on emitted manifests.
 *
 * @param startupSeconds   the service's startup as lint sees it (services.yaml), or as fitted, whichever is
 *                         longer
 * @param coldStartOverSlo a cold start takes longer than the SLO's latency threshold (SW302)
 * @param latencyCritical  services.yaml marks the service latency-critical (SW502: no MinCapacity 0)
 */
record LintBounds(double startupSeconds, boolean coldStartOverSlo, boolean latencyCritical) {
    /** Lint's default thresholds (SW103's floor, SW112's utilization range): what `scalewise lint` applies. */
    private static final LintConfig LINT = LintConfig.DEFAULT;

    static LintBounds of(ServiceModel model, ServiceSpec spec) {
        double fitted = model.startupSeconds().value();
        double stated = spec.startupSeconds().orElse(Double.NaN);
        double startup = Math.max(Double.isFinite(fitted) ? fitted : 0, Double.isFinite(stated) ? stated : 0);
        return new LintBounds(startup, startup * 1000 > spec.slo().thresholdMs(), spec.latencyCritical());
    }

    /**
     * The shortest time capacity may be held after demand drops: the startup rounded up to a whole
     * minute (SW111: an HPA's or KEDA's scale-down stabilization; SW303: the longer of a KPA's stable
     * window and scale-down delay). Shorter, a lull removes capacity the returning traffic waits a whole
     * startup for, which one replayed history may not show.
     */
    double holdSeconds() {
        return Math.ceil(startupSeconds / 60) * 60;
    }

    /** The candidates of a hold (a scale-down window or delay) that are at least {@link #holdSeconds()}, and it. */
    double[] holdsFrom(double[] grid) {
        double floor = holdSeconds();
        return DoubleStream.concat(DoubleStream.of(floor), Arrays.stream(grid)).filter(w -> w >= floor).distinct().sorted()
                .toArray();
    }

    /** SW112: a resource utilization target lint accepts. */
    static boolean utilizationInRange(double percent) {
        return percent >= LINT.utilizationLowPercent() && percent <= LINT.utilizationHighPercent();
    }

    /** SW103: minReplicas 1 on an HPA, ScaledObject or InferenceService is below the floor. */
    static boolean belowServingFloor(int min) {
        return min >= 1 && min < LINT.minReplicasFloor();
    }
}
