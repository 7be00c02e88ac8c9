package dev.scalewise.policy;

import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

/**
 * Where a field of an AWS configuration is written, for findings at its line: the reader's records hold
 * values, not nodes. A scalar is found at its value, a block at its key; a field that is not written at
 * the key of the block it would go in.
 */
public final class AwsNodes {
    private AwsNodes() {
    }

    /** A place in a file: its location and its path from the document root. */
    public record Place(SourceLocation location, String path) {
    }

    /** A scalable target's field (MinCapacity, ...), the target named as its policy is ({@code meta().name()}). */
    public static Place targetField(YamlDoc doc, String policyName, String apiField) {
        AwsConfig c = AwsConfig.read(doc, AwsConfig.formatOf(doc).orElseThrow());
        for (AwsConfig.Target t : c.targets) {
            if (AppAutoScalingReader.targetName(t).equals(policyName)) {
                return place(t.props(), apiField, t.at());
            }
        }
        return new Place(doc.root().location(), "");
    }

    /** A field of a scaling policy's configuration block, e.g. TargetTrackingScalingPolicyConfiguration.ScaleInCooldown. */
    public static Place policyField(YamlDoc doc, String scalingPolicyName, String configuration, String apiField) {
        AwsConfig c = AwsConfig.read(doc, AwsConfig.formatOf(doc).orElseThrow());
        for (AwsConfig.Policy p : c.policies) {
            if (p.name().equals(scalingPolicyName)) {
                AwsConfig.Props cfg = p.props().block(configuration);
                return cfg.isPresent() && cfg.get(apiField).isPresent() ? place(cfg, apiField, p.at())
                        : place(p.props(), configuration, p.at());
            }
        }
        return new Place(doc.root().location(), "");
    }

    private static Place place(AwsConfig.Props parent, String apiField, YNode fallback) {
        YNode n = parent.get(apiField);
        if (n.isMissing()) {
            return new Place(fallback.location(), fallback.path());
        }
        String key = n.path().substring(n.path().lastIndexOf('.') + 1);
        return new Place(n.isScalar() ? n.location() : parent.node().keyLocation(key), n.path());
    }
}
