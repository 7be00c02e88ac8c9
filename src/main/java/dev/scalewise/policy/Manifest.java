package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.Optional;

/** One manifest being read: its root, its annotations, and the defaults filled in so far. */
final class Manifest {
    final YamlDoc doc;
    final YNode root;
    final Fields fields = new Fields();

    Manifest(YamlDoc doc) {
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
        return new PolicyMeta(name, doc.kind(), doc.apiVersion(), service, root.location(), fields.defaulted());
    }
}
