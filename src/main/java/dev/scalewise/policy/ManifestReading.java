package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One manifest being read: its root, its annotations, and what the reading has recorded so far (the
 * fields filled in from defaults, where the tunable fields live). Not {@code lint.Manifest}, an object
 * of a lint run.
 */
final class ManifestReading {
    final YamlDoc doc;
    final YNode root;
    final Fields fields = new Fields();

    ManifestReading(YamlDoc doc) {
        this.doc = doc;
        this.root = doc.root();
    }

    YNode spec() {
        return root.get("spec");
    }

    YNode annotations() {
        return root.get("metadata").get("annotations");
    }

    Optional<String> annotation(String key) {
        return annotations().get(key).text();
    }

    /** The scalewise.dev/signal annotation node, if set. */
    Optional<YNode> signalOverride() {
        YNode n = annotations().get(SignalMapping.ANNOTATION);
        return n.isPresent() ? Optional.of(n) : Optional.empty();
    }

    String name() {
        return root.get("metadata").get("name").requireText();
    }

    /** The service: annotation scalewise.dev/service, else the given target name. */
    String service(String targetName) {
        return annotation(SignalMapping.SERVICE_ANNOTATION).orElse(targetName);
    }

    PolicyMeta meta(String name, String service) {
        return new PolicyMeta(name, doc.kind(), doc.apiVersion(), service, root.location(), fields.defaulted(),
                fields.editable());
    }

    /** Records that {@code field} is edited at {@code node} (where it is, or would be inserted). */
    void editable(String field, YNode node) {
        fields.editable(field, ManifestField.at(relative(node)));
    }

    /** A string field (an annotation), with legacy keys that mean the same. */
    void editableText(String field, YNode node, YNode... aliases) {
        List<YamlPath> legacy = new ArrayList<>();
        for (YNode a : aliases) {
            legacy.add(relative(a));
        }
        fields.editable(field, new ManifestField(relative(node), legacy, true));
    }

    /**
     * Records where an HPA behavior's tunable fields live (both stabilization windows and the value of the
     * first scale-down policy), under {@code behavior}: where they are, or where they would be inserted.
     */
    void editableBehavior(YNode behavior) {
        editable("behavior.scaleUp.stabilizationWindowSeconds", behavior.get("scaleUp").get("stabilizationWindowSeconds"));
        editable("behavior.scaleDown.stabilizationWindowSeconds",
                behavior.get("scaleDown").get("stabilizationWindowSeconds"));
        fields.editable("behavior.scaleDown.policies[0].value", ManifestField.at(relative(
                behavior.get("scaleDown").get("policies")).then(new YamlPath.Index(0)).key("value")));
    }

    /** A node's path from this manifest's root (an inline base policy's root is not its document's). */
    YamlPath relative(YNode node) {
        return node.yamlPath().relativeTo(root.yamlPath());
    }
}
