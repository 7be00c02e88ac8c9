package dev.scalewise.recommend;

import dev.scalewise.UserError;
import dev.scalewise.policy.AppAutoScalingPolicy;
import dev.scalewise.policy.ManifestFormat;
import dev.scalewise.yaml.YamlPath.Embedded;
import dev.scalewise.yaml.YamlPath.Segment;
import dev.scalewise.yaml.YamlPath;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.List;
import java.util.Optional;

/**
 * Finds the document of a multi-document manifest text that a recommendation addresses: by kind and
 * {@code metadata.name}; a Serve config (no kind) or RayService by the deployment its paths select; an AWS
 * configuration (no kind either: a CloudFormation template, a Terraform JSON plan or state, a describe
 * output) by its knob paths, which name the resource from the document's root; an Azure Container App by
 * its type and name; a
 * scheduled or predictive policy's inline base under {@code spec.basePolicy.inline}.
 */
final class ManifestDocuments {
    private ManifestDocuments() {
    }

    /** The document index and the changes as paths of that document; empty when no document matches. */
    record Target(int document, List<KnobChange> changes) {
    }

    static Optional<Target> find(List<Node> docs, Recommendation r, List<KnobChange> changes) {
        int doc = findDocument(docs, r, changes.get(0));
        if (doc >= 0) {
            return Optional.of(new Target(doc, changes));
        }
        // a scheduled or predictive policy's inline base: the same paths below spec.basePolicy.inline
        for (int i = 0; i < docs.size(); i++) {
            YamlNodes.Walk w = YamlNodes.walk(docs.get(i), INLINE_BASE.segments());
            if (w.missingAt() < 0 && w.node() instanceof MappingNode m && matches(m, r)) {
                return Optional.of(new Target(i, changes.stream().map(ManifestDocuments::inline).toList()));
            }
        }
        return Optional.empty();
    }

    static final YamlPath INLINE_BASE = YamlPath.parse("spec.basePolicy.inline");

    static KnobChange inline(KnobChange c) {
        return new KnobChange(c.name(), inline(c.path()), c.aliases().stream().map(ManifestDocuments::inline).toList(),
                c.current(), c.recommended(), c.format());
    }

    private static String inline(String path) {
        return INLINE_BASE.then(YamlPath.parse(path)).toString();
    }

    static boolean matches(MappingNode m, Recommendation r) {
        return scalar(m, "kind").orElse("").equals(r.kind()) && name(m).orElse("").equals(r.manifest());
    }

    private static Optional<String> name(MappingNode m) {
        return m.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("metadata"))
                .map(NodeTuple::getValueNode).filter(MappingNode.class::isInstance)
                .flatMap(md -> scalar((MappingNode) md, "name").stream()).findFirst();
    }

    /** The document of the recommendation's kind named like its manifest; a Ray config: the one holding the path. */
    static int findDocument(List<Node> docs, Recommendation r, KnobChange first) {
        int byKind = -1;
        for (int i = 0; i < docs.size(); i++) {
            if (!(docs.get(i) instanceof MappingNode m)) {
                continue;
            }
            String kind = scalar(m, "kind").orElse("");
            if (r.kind().equals(ManifestFormat.CONTAINER_APP.kind())) {
                if (scalar(m, "type").orElse("").equalsIgnoreCase(r.kind()) && scalar(m, "name").orElse("").equals(r.manifest())) {
                    return i; // an Azure Container App: its ARM type and name at the root
                }
                continue;
            }
            if (kind.isEmpty() && AppAutoScalingPolicy.isSourceKind(r.kind()) && holdsParent(m, first.path())) {
                return i; // an AWS configuration (no kind): its knob paths name the resource from the document's root
            }
            boolean kindMatches = r.kind().equals("ServeConfig") ? kind.isEmpty() && scalar(m, "applications").isEmpty()
                    && m.getValue().stream().anyMatch(t -> t.getKeyNode() instanceof ScalarNode k
                    && k.getValue().equals("applications")) : kind.equals(r.kind());
            if (!kindMatches) {
                continue;
            }
            Optional<String> name = name(m);
            if (name.isPresent() && name.get().equals(r.manifest())) {
                return i;
            }
            if (byKind < 0 && (r.kind().equals("ServeConfig") || r.kind().equals("RayService"))) {
                try {
                    YamlNodes.walk(m, firstSegments(first.path()));
                    byKind = i;
                } catch (UserError notHere) {
                    // another RayService or Serve config: keep looking
                }
            }
        }
        return byKind;
    }

    /** Whether every mapping above the path's last segment exists in the document. */
    private static boolean holdsParent(MappingNode m, String path) {
        List<Segment> all = YamlPath.parse(path).segments();
        try {
            return YamlNodes.walk(m, all.subList(0, all.size() - 1)).missingAt() < 0;
        } catch (UserError notHere) {
            return false;
        }
    }

    private static List<Segment> firstSegments(String path) {
        List<Segment> all = YamlPath.parse(path).segments();
        int embedded = all.indexOf(new Embedded());
        return embedded >= 0 ? all.subList(0, embedded) : all.subList(0, Math.min(all.size(), 2));
    }

    private static Optional<String> scalar(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v) {
                return Optional.of(v.getValue());
            }
        }
        return Optional.empty();
    }
}
