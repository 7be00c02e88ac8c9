package dev.scalewise.lint;

import dev.scalewise.policy.PolicyReader;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes-style object of the run: a YAML document with a kind, read through its nodes. The
 * identity fields are read once: rules look them up for every pair of objects they compare.
 */
public final class Manifest {
    private final YamlDoc doc;
    private final String kind;
    private final String apiVersion;
    private final String name;
    private final String namespace;
    private final ObjectRef ref;

    public Manifest(YamlDoc doc) {
        this.doc = doc;
        this.kind = PolicyReader.kindOf(doc);
        this.apiVersion = doc.apiVersion();
        this.name = doc.name();
        this.namespace = doc.root().get("metadata").get("namespace").asText("");
        this.ref = new ObjectRef(kind, name, namespace, doc.source(), doc.index());
    }

    public YamlDoc doc() {
        return doc;
    }

    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String name() {
        return name;
    }

    /** metadata.namespace, "" when absent (Helm output and plain repos often leave it to kubectl). */
    public String namespace() {
        return namespace;
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
        return root().get("metadata").get("annotations").get(key).text();
    }

    public ObjectRef ref() {
        return ref;
    }

    /** Same namespace, where an empty namespace (not set in the file) matches any. */
    public boolean sameNamespace(String otherNamespace) {
        return namespace.isEmpty() || otherNamespace.isEmpty() || namespace.equals(otherNamespace);
    }

    @Override
    public String toString() {
        return ref.display() + " (" + location() + ")";
    }
}
