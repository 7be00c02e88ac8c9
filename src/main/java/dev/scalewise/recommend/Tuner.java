package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ManifestField;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.yaml.YamlPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;

/**
 * The search space of one policy: its knobs (candidate values derived from the service model and the
 * constraints, lint's included) and how a point of the space becomes a policy to replay. One subclass per
 * policy family. maxReplicas is not searched but derived per point: enough for the training peak at the
 * target with some headroom over it, the space's one dimension that is not a knob (1.2x the peak; only the
 * holdout fallback raises it).
 */
abstract class Tuner {
    static final int NONE = -1;
    /** maxReplicas covers the training peak at the target times one of these (the first unless the holdout needs more). */
    static final double[] PEAK_HEADROOMS = {Limits.PEAK_HEADROOM, 1.5, 2.0};

    final PolicySpec current;
    final Limits limits;
    final double capacityRps;
    /** What {@link #capacityRps} and every load per replica is in: "rps", or "tokens/s" for a token model. */
    final String rateUnit;
    final List<Knob> knobs = new ArrayList<>();
    /** Knobs the search does not move; reported as they are (maxReplicas is derived, see {@link #maxFor}). */
    Optional<Knob> maxKnob = Optional.empty();
    Optional<TargetScale> scale = Optional.empty();
    /** The target knob's value times this is the per-replica metric value (KPA: target x utilization). */
    double targetDivisor = 1;
    int targetIndex = NONE;
    int minIndex = NONE;
    /** SW102: the manifest's lint flags minReplicas == maxReplicas, so a derived max stays above min. */
    boolean maxAboveMin;

    Tuner(PolicySpec current, ServiceModel model, Limits limits) {
        this.current = current;
        this.limits = limits;
        this.capacityRps = model.capacityPerReplica().value();
        this.rateUnit = model.work().rateUnit();
    }

    /** The policy at a point of the space (one value per dimension, knobs first in {@link #knobs} order). */
    abstract PolicySpec apply(double[] values);

    /**
     * Whether lint accepts the point's changed knobs together (rules over two knobs: a KPA's window and
     * delay, a KEDA cooldown without behavior); single knobs are bounded by their candidates.
     */
    boolean lintAccepts(double[] values) {
        return true;
    }

    /** Whether the knob at {@code index} moves from the current policy at these values. */
    final boolean changes(double[] values, int index) {
        Knob k = knobs.get(index);
        return !k.format().text(values[index]).equals(k.format().text(k.current()));
    }

    /** The knobs, then the peak headroom of maxReplicas when max is derived. */
    final int dimensions() {
        return knobs.size() + (maxKnob.isPresent() ? 1 : 0);
    }

    /** The dimension of maxReplicas' headroom over the training peak, or NONE. */
    final int headroomIndex() {
        return maxKnob.isPresent() ? knobs.size() : NONE;
    }

    final int size(int dimension) {
        return dimension < knobs.size() ? knobs.get(dimension).size() : PEAK_HEADROOMS.length;
    }

    /** +1 when a step up this dimension's candidates adds headroom, -1 when a step down does, 0 for neither. */
    final int headroomSign(int dimension) {
        return dimension < knobs.size() ? knobs.get(dimension).headroom().sign() : 1;
    }

    /** The manifest the knob paths address (the base policy's, for scheduled and predictive kinds). */
    String manifestName() {
        return current.meta().name();
    }

    /** The kind of that manifest as written (HorizontalPodAutoscaler, ScaledObject, ServeConfig, ...). */
    String manifestKind() {
        return current.meta().sourceKind();
    }

    /** The file of that manifest (a RayService's embedded config reads as file[spec.serveConfigV2]). */
    String manifestFile() {
        String file = current.meta().location().file();
        int embedded = file.indexOf('[');
        return embedded > 0 ? file.substring(0, embedded) : file;
    }

    final int add(Knob k) {
        knobs.add(k);
        return knobs.size() - 1;
    }

    /**
     * The target knob over the searched fractions of capacity; absent when the model cannot map the metric
     * or the manifest kind gives the field no place ({@code field} empty).
     */
    final void addTarget(Optional<TargetScale> s, String name, Optional<ManifestField> field, double currentValue,
                         double divisor, ValueFormat format) {
        if (s.isEmpty() || field.isEmpty()) {
            return;
        }
        this.scale = s;
        this.targetDivisor = divisor;
        double[] grid = s.get().candidates(divisor);
        if (format == ValueFormat.INT || format == ValueFormat.INT_STRING) {
            for (int i = 0; i < grid.length; i++) {
                grid[i] = Math.max(1, Math.round(grid[i]));
            }
        }
        targetIndex = add(knob(name, field.get(), currentValue, limits.band(currentValue, grid), format,
                Knob.Headroom.LOWER));
    }

    /** The same, with only the target values lint accepts (SW112's utilization range, SW301's concurrency cap). */
    final void addTarget(Optional<TargetScale> s, String name, Optional<ManifestField> field, double currentValue,
                         double divisor, ValueFormat format, DoublePredicate lintAccepts) {
        addTarget(s, name, field, currentValue, divisor, format);
        if (targetIndex != NONE) {
            Knob k = knobs.get(targetIndex);
            double[] kept = Arrays.stream(k.values()).filter(v -> v == currentValue || lintAccepts.test(v)).toArray();
            knobs.set(targetIndex, new Knob(k.name(), k.path(), k.aliases(), k.current(), kept, k.format(), k.headroom()));
        }
    }

    /**
     * The minReplicas knob, where the manifest has the field (its {@code minReplicas}).
     *
     * @param lintAccepts whether lint accepts a changed minReplicas of this value
     */
    final void addMin(int currentMin, IntPredicate lintAccepts) {
        Optional<ManifestField> field = current.meta().field("minReplicas");
        if (field.isEmpty()) {
            return;
        }
        double[] grid = limits.minCandidates(currentMin, TargetScale.LOAD_FRACTIONS[0] * capacityRps, lintAccepts);
        minIndex = add(knob("minReplicas", field.get(), currentMin, grid, ValueFormat.integer(field.get()),
                Knob.Headroom.HIGHER));
    }

    /** maxReplicas, reported (not searched: see {@link #maxFor}) where the manifest has the field. */
    final void setMax(int currentMax) {
        Optional<ManifestField> field = current.meta().field("maxReplicas");
        if (field.isPresent() && currentMax < Integer.MAX_VALUE) {
            maxKnob = Optional.of(knob("maxReplicas", field.get(), currentMax, new double[] {currentMax},
                    ValueFormat.integer(field.get()), Knob.Headroom.HIGHER));
        }
    }

    /**
     * A knob of seconds (a window, a delay, a cooldown) or a rate at policy field {@code field}; its index,
     * or {@link #NONE} when the manifest has no place for the field.
     */
    final int addSeconds(String name, String field, double currentValue, double[] grid, ValueFormat format,
                         Knob.Headroom headroom) {
        Optional<ManifestField> f = current.meta().field(field);
        return f.isEmpty() ? NONE
                : add(knob(name, f.get(), currentValue, limits.band(currentValue, grid), format, headroom));
    }

    /** The value of knob {@code index} at a point, or {@code fallback} for {@link #NONE}. */
    static double valueAt(double[] v, int index, double fallback) {
        return index == NONE ? fallback : v[index];
    }

    private static Knob knob(String name, ManifestField field, double currentValue, double[] grid, ValueFormat format,
                             Knob.Headroom headroom) {
        return new Knob(name, field.path().toString(), field.aliases().stream().map(YamlPath::toString).toList(),
                currentValue, grid, format, headroom);
    }

    final int min(double[] v) {
        return minIndex == NONE ? current.minReplicas() : (int) Math.round(v[minIndex]);
    }

    /** maxReplicas at a point: the training peak at the target load with headroom (kept when untunable). */
    final int maxFor(double[] v) {
        int min = min(v);
        if (maxKnob.isEmpty()) {
            return Math.max(min, current.maxReplicas());
        }
        double load = targetLoad(v);
        double headroom = v.length > knobs.size() ? v[knobs.size()] : Limits.PEAK_HEADROOM;
        int max = limits.maxFor(Math.max(load, 1e-9), min, current.maxReplicas(), headroom);
        return maxAboveMin && max <= min && min < limits.cap ? min + 1 : max;
    }

    /** The load per replica the point's target aims at, rps (0.7 of capacity when the target is kept). */
    final double targetLoad(double[] v) {
        return targetIndex == NONE ? capacityRps * TargetScale.LOAD_FRACTIONS[4]
                : scale.orElseThrow().loadAt(v[targetIndex] * targetDivisor);
    }

    final double value(double[] v, String name, double fallback) {
        for (int i = 0; i < knobs.size(); i++) {
            if (knobs.get(i).name().equals(name)) {
                return v[i];
            }
        }
        return fallback;
    }

    /** Every knob, current and recommended at a point, derived maxReplicas included. */
    final List<KnobChange> changes(double[] v) {
        return changes(v, List.of());
    }

    /**
     * The same with each changed knob's sentence: {@code why} holds one per knob, then maxReplicas's
     * (missing ones are empty).
     */
    final List<KnobChange> changes(double[] v, List<String> why) {
        List<KnobChange> out = new ArrayList<>();
        for (int i = 0; i < knobs.size(); i++) {
            out.add(knobs.get(i).change(v[i], i < why.size() ? why.get(i) : ""));
        }
        int m = knobs.size();
        maxKnob.ifPresent(k -> out.add(k.change(maxFor(v), m < why.size() ? why.get(m) : "")));
        return out;
    }

    /** Every knob with its current value as the recommendation (nothing to change). */
    final List<KnobChange> unchanged() {
        List<KnobChange> out = new ArrayList<>();
        knobs.forEach(k -> out.add(k.change(k.current())));
        maxKnob.ifPresent(k -> out.add(k.change(k.current())));
        return out;
    }

    /** The index of each knob's value nearest the current policy's (the peak headroom at its first value). */
    final int[] currentPoint() {
        int[] p = new int[dimensions()];
        for (int i = 0; i < knobs.size(); i++) {
            p[i] = knobs.get(i).nearest(knobs.get(i).current());
        }
        return p;
    }

    final double[] values(int[] point) {
        double[] v = new double[point.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < knobs.size() ? knobs.get(i).value(point[i]) : PEAK_HEADROOMS[point[i]];
        }
        return v;
    }
}
