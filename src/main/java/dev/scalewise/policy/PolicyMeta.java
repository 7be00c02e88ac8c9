package dev.scalewise.policy;

import dev.scalewise.yaml.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every policy carries besides its controller's parameters.
 *
 * @param name       metadata.name of the manifest
 * @param sourceKind the manifest's kind as written (HorizontalPodAutoscaler, InferenceService, ...);
 *                   a KServe InferenceService becomes an HPA, KPA or KEDA policy but keeps its kind here
 * @param apiVersion the manifest's apiVersion as written
 * @param service    the service it applies to (scaleTargetRef / metadata.name / scalewise.dev/service)
 * @param location   where the manifest document starts
 * @param defaulted  paths of fields filled in from the controller's defaults (for `policy show`)
 * @param fields     where the tunable fields live in the manifest, by the same paths as {@code defaulted}
 *                   (e.g. {@code minReplicas}, {@code behavior.scaleDown.stabilizationWindowSeconds}); a
 *                   field the manifest kind does not let one edit is absent
 */
public record PolicyMeta(String name, String sourceKind, String apiVersion, String service,
                         SourceLocation location, Set<String> defaulted, Map<String, ManifestField> fields) {
    public PolicyMeta {
        defaulted = Set.copyOf(defaulted);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A policy not read from a manifest (built by hand, in tests and benchmarks): nothing to edit. */
    public PolicyMeta(String name, String sourceKind, String apiVersion, String service, SourceLocation location,
                      Set<String> defaulted) {
        this(name, sourceKind, apiVersion, service, location, defaulted, Map.of());
    }

    /** Where a tunable field lives in the manifest; empty when it cannot be edited there. */
    public Optional<ManifestField> field(String path) {
        return Optional.ofNullable(fields.get(path));
    }
}
