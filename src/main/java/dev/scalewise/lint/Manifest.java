package dev.scalewise.lint;

import dev.scalewise.policy.SourceLocation;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.Map;
import java.util.Optional;

/** One Kubernetes-style object of the run: a YAML document with a kind, read through its nodes. */
public record Manifest(YamlDoc doc) {
    public String kind() {
        return doc.kind();
    }

    public String apiVersion() {
        return doc.apiVersion();
    }

    public String name() {
        return doc.name();
    }

    /** metadata.namespace, "" when absent (Helm output and plain repos often leave it to kubectl). */
    public String namespace() {
        return root().get("metadata").get("namespace").asText("");
    }

    public YNode root() {
        return doc.root();
    }

    public YNode spec() {
        return root().get("spec");
    }

    /** The document start, for findings about the object as a whole. */
    public SourceLocation location() {
        return root().location();
    }

    public Map<String, YNode> annotations() {
        return root().get("metadata").get("annotations").entries();
    }

    public Optional<String> annotation(String key) {
        YNode n = root().get("metadata").get("annotations").get(key);
        return n.text();
    }

    public ObjectRef ref() {
        return new ObjectRef(kind(), name(), namespace(), doc.source(), doc.index());
    }

    /** Same namespace, where an empty namespace (not set in the file) matches any. */
    public boolean sameNamespace(String otherNamespace) {
        return namespace().isEmpty() || otherNamespace.isEmpty() || namespace().equals(otherNamespace);
    }
}
