package dev.scalewise.yaml;

/**
 * One document of a (possibly multi-document) YAML source.
 *
 * @param source the file path as given, or "-" for stdin
 * @param index  0-based position of the document in its source
 * @param root   the document's root node
 */
public record YamlDoc(String source, int index, YNode root) {
    /** kind of a Kubernetes-style manifest, "" when absent. */
    public String kind() {
        return root.isMapping() ? root.get("kind").asText("") : "";
    }

    public String apiVersion() {
        return root.isMapping() ? root.get("apiVersion").asText("") : "";
    }

    /** metadata.name, "" when absent. */
    public String name() {
        return root.isMapping() ? root.get("metadata").get("name").asText("") : "";
    }
}
