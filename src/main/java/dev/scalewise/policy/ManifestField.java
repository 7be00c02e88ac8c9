package dev.scalewise.policy;

import dev.scalewise.yaml.YamlPath;

import java.util.List;

/**
 * Where one of a policy's tunable fields lives in the manifest it was read from, relative to that
 * manifest's root (so a base policy inlined under {@code spec.basePolicy.inline} reads as on its own):
 * the reader records it as it reads the field, and the manifest editor writes a new value there.
 *
 * @param path    where the field is, or would be inserted
 * @param aliases legacy keys of the same field; the editor changes whichever exists
 * @param text    the field is a string in its schema (annotations, KEDA trigger metadata), so a number
 *                written there is quoted
 */
public record ManifestField(YamlPath path, List<YamlPath> aliases, boolean text) {
    public ManifestField {
        aliases = List.copyOf(aliases);
    }

    /** A plain YAML field without legacy keys. */
    public static ManifestField at(YamlPath path) {
        return new ManifestField(path, List.of(), false);
    }
}
