package dev.scalewise.policy;

import dev.scalewise.yaml.SourceLocation;

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
 */
public record PolicyMeta(String name, String sourceKind, String apiVersion, String service,
                         SourceLocation location, Set<String> defaulted) {
    public PolicyMeta {
        defaulted = Set.copyOf(defaulted);
    }
}
