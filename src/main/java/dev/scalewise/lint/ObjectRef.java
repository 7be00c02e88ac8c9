package dev.scalewise.lint;

/**
 * The Kubernetes object a finding is about.
 *
 * @param source   file path as given, or "-" for stdin
 * @param docIndex 0-based document index inside the source
 */
public record ObjectRef(String kind, String name, String namespace, String source, int docIndex) {
    /** "Kind/name" as kubectl prints it. */
    public String display() {
        return (kind.isEmpty() ? "?" : kind) + "/" + (name.isEmpty() ? "?" : name);
    }
}
