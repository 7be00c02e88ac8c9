package dev.scalewise.recommend;

import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ManifestField;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.yaml.YamlPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search space of one policy: its knobs (candidate values derived from the service model and the
 * constraints) and how a point of the space becomes a policy to replay. One subclass per policy family.
 * maxReplicas is not searched but derived per point (enough for the training peak at the target).
 */
abstract class Tuner {
    static final int NONE = -1;

    final PolicySpec current;
    final Limits limits;
    final double capacityRps;
    final List<Knob> knobs = new ArrayList<>();
    /** Knobs the search does not move; reported as they are (maxReplicas is derived, see {@link #maxFor}). */
    Optional<Knob> maxKnob = Optional.empty();
    Optional<TargetScale> scale = Optional.empty();
    /** The target knob's value times this is the per-replica metric value (KPA: target x utilization). */
    double targetDivisor = 1;
    int targetIndex = NONE;
    int minIndex = NONE;

    Tuner(PolicySpec current, ServiceModel model, Limits limits) {
        this.current = current;
        this.limits = limits;
        this.capacityRps = model.capacityPerReplica().value();
    }

    /** The policy at a point of the space (one value per knob, in {@link #knobs} order). */
    abstract PolicySpec apply(double[] values);

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
        targetIndex = add(knob(name, field.get(), currentValue, limits.band(currentValue, grid), format));
    }

    /** The minReplicas knob, where the manifest has the field (its {@code minReplicas}). */
    final void addMin(int currentMin) {
        Optional<ManifestField> field = current.meta().field("minReplicas");
        if (field.isEmpty()) {
            return;
        }
        double[] grid = limits.minCandidates(currentMin, TargetScale.LOAD_FRACTIONS[0] * capacityRps);
        minIndex = add(knob("minReplicas", field.get(), currentMin, grid, ValueFormat.integer(field.get())));
    }

    /** maxReplicas, reported (not searched: see {@link #maxFor}) where the manifest has the field. */
    final void setMax(int currentMax) {
        Optional<ManifestField> field = current.meta().field("maxReplicas");
        if (field.isPresent() && currentMax < Integer.MAX_VALUE) {
            maxKnob = Optional.of(knob("maxReplicas", field.get(), currentMax, new double[] {currentMax},
                    ValueFormat.integer(field.get())));
        }
    }

    /**
     * A knob of seconds (a window, a delay, a cooldown) at policy field {@code field}; its index, or
     * {@link #NONE} when the manifest has no place for the field.
     */
    final int addSeconds(String name, String field, double currentValue, double[] grid, ValueFormat format) {
        Optional<ManifestField> f = current.meta().field(field);
        return f.isEmpty() ? NONE : add(knob(name, f.get(), currentValue, limits.band(currentValue, grid), format));
    }

    /** The value of knob {@code index} at a point, or {@code fallback} for {@link #NONE}. */
    static double valueAt(double[] v, int index, double fallback) {
        return index == NONE ? fallback : v[index];
    }

    private static Knob knob(String name, ManifestField field, double currentValue, double[] grid, ValueFormat format) {
        return new Knob(name, field.path().toString(), field.aliases().stream().map(YamlPath::toString).toList(),
                currentValue, grid, format);
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
        double load = targetIndex == NONE ? capacityRps * TargetScale.LOAD_FRACTIONS[4]
                : scale.orElseThrow().loadAt(v[targetIndex] * targetDivisor);
        return limits.maxFor(Math.max(load, 1e-9), min, current.maxReplicas());
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
        List<KnobChange> out = new ArrayList<>();
        for (int i = 0; i < knobs.size(); i++) {
            out.add(knobs.get(i).change(v[i]));
        }
        maxKnob.ifPresent(k -> out.add(k.change(maxFor(v))));
        return out;
    }

    /** Every knob with its current value as the recommendation (nothing to change). */
    final List<KnobChange> unchanged() {
        List<KnobChange> out = new ArrayList<>();
        knobs.forEach(k -> out.add(k.change(k.current())));
        maxKnob.ifPresent(k -> out.add(k.change(k.current())));
        return out;
    }

    /** The index of each knob's value nearest the current policy's. */
    final int[] currentPoint() {
        int[] p = new int[knobs.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = knobs.get(i).nearest(knobs.get(i).current());
        }
        return p;
    }

    final double[] values(int[] point) {
        double[] v = new double[point.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = knobs.get(i).value(point[i]);
        }
        return v;
    }
}
