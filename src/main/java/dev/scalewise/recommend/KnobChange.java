package dev.scalewise.recommend;

import java.util.List;

/**
 * One knob, current and recommended.
 *
 * @param name        knob name (minReplicas, target, scaleDownStabilizationSeconds, ...)
 * @param path        manifest path ({@code spec.minReplicas}, see {@link dev.scalewise.yaml.YamlPath})
 * @param aliases     other paths of the same field (legacy keys)
 * @param current     value in the current policy (its default when the manifest omits it)
 * @param recommended recommended value
 * @param format      how the value is written in the manifest
 * @param why         one sentence: what in the history sets the recommended value ("" when unchanged)
 */
public record KnobChange(String name, String path, List<String> aliases, double current, double recommended,
                         ValueFormat format, String why) {
    public KnobChange {
        aliases = List.copyOf(aliases);
    }

    /** A change without its explanation (read back for editing, tests). */
    public KnobChange(String name, String path, List<String> aliases, double current, double recommended,
                      ValueFormat format) {
        this(name, path, aliases, current, recommended, format, "");
    }

    public boolean changed() {
        return !format.text(current).equals(format.text(recommended));
    }

    /** The recommended value as the manifest spells it (without quotes). */
    public String text() {
        return format.text(recommended);
    }
}
