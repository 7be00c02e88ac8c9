package dev.scalewise.recommend;

import java.util.Arrays;
import java.util.List;

/**
 * One searchable setting of a policy.
 *
 * @param name    the knob's name as `policy show` prints it (minReplicas, target, ...)
 * @param path    where it lives in the manifest ({@code spec.minReplicas}); see {@link dev.scalewise.yaml.YamlPath}
 * @param aliases other paths that mean the same field (legacy keys); the editor changes whichever exists
 * @param current the current policy's value
 * @param values  the candidate values, ascending, distinct, within the constraints
 * @param format  how the value is written in the manifest
 * @param headroom which way the value adds headroom (more replicas sooner or for longer: more cost, fewer
 *                 breaches); the search prunes and the holdout fallback steps by it
 */
public record Knob(String name, String path, List<String> aliases, double current, double[] values,
                   ValueFormat format, Headroom headroom) {
    /** Which way a knob's value adds headroom. */
    public enum Headroom {
        /** A higher value adds headroom (minReplicas, a scale-down window or delay, a cooldown). */
        HIGHER,
        /** A lower value adds headroom (a target, a scale-up window or delay, a scale-down rate). */
        LOWER,
        /** Neither way throughout (the KPA's stable window slows scale-up and scale-down alike). */
        NEITHER;

        /** +1 when a step up the candidates adds headroom, -1 when a step down does, 0 for neither. */
        int sign() {
            return this == HIGHER ? 1 : this == LOWER ? -1 : 0;
        }
    }

    public Knob {
        aliases = List.copyOf(aliases);
        values = values.clone();
        if (values.length == 0) {
            throw new IllegalArgumentException("knob " + name + " has no candidate value");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    /** Index of the value closest to {@code v} (the current value's place in the grid). */
    public int nearest(double v) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    /** The change from current to {@code recommended}, for the report and the manifest editor. */
    public KnobChange change(double recommended) {
        return new KnobChange(name, path, aliases, current, recommended, format);
    }

    /** The same, with the sentence saying what in the history sets the recommended value. */
    public KnobChange change(double recommended, String why) {
        return new KnobChange(name, path, aliases, current, recommended, format, why);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(values);
    }
}
