package dev.scalewise.lint;

import dev.scalewise.policy.PolicySpec;
import dev.scalewise.yaml.YamlDoc;

import java.util.Optional;

/**
 * Reads a manifest into the normalized policy model (defaults filled in by the policy package), so
 * rules never re-code an upstream default. Empty for documents that are not autoscaling policies.
 */
@FunctionalInterface
public interface PolicyModel {
    /** No policy reading: rules that need normalized values stay silent. */
    PolicyModel NONE = doc -> Optional.empty();

    Optional<PolicySpec> read(YamlDoc doc);
}
