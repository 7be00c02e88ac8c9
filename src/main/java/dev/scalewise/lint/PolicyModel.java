package dev.scalewise.lint;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.yaml.YamlDoc;

import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a manifest into the normalized policy model (defaults filled in by the policy package), so
 * rules never re-code an upstream default. Empty for documents that are not autoscaling policies.
 */
@FunctionalInterface
public interface PolicyModel {
    /** No policy reading: rules that need normalized values stay silent. */
    PolicyModel NONE = (doc, byName) -> Optional.empty();

    /**
     * @param byName the run's other policies by metadata.name (a native kind's basePolicy names one)
     * @throws dev.scalewise.UserError when the manifest is of a modeled kind but invalid
     */
    Optional<PolicySpec> read(YamlDoc doc, Function<String, Optional<PolicySpec>> byName);
}
