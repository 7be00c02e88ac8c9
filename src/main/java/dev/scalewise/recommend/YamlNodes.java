package dev.scalewise.recommend;

import dev.scalewise.UserError;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlPath.Embedded;
import dev.scalewise.yaml.YamlPath.Index;
import dev.scalewise.yaml.YamlPath.Key;
import dev.scalewise.yaml.YamlPath.Segment;
import dev.scalewise.yaml.YamlPath.Select;
import dev.scalewise.yaml.YamlPath;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SnakeYAML node trees of a manifest text (composed with SafeYaml's limits) and {@link YamlPath} walks
 * over them. Nodes keep their marks, whose indexes locate every value in the text.
 */
final class YamlNodes {
    private YamlNodes() {
    }

    /** Where a path leads: the node (found), or the deepest existing parent and the first missing segment. */
    record Walk(Node node, int missingAt, int embeddedAt, int keyColumn) {
    }

    static Walk walk(Node root, List<Segment> path) {
        Node cur = root;
        int keyColumn = -1;
        for (int i = 0; i < path.size(); i++) {
            Segment s = path.get(i);
            if (s instanceof Embedded) {
                return new Walk(cur, -1, i, keyColumn);
            }
            if (s instanceof Key k) {
                if (!(cur instanceof MappingNode m)) {
                    if (isEmptyScalar(cur)) {
                        return new Walk(cur, i, -1, keyColumn);
                    }
                    throw new UserError("cannot set " + YamlPath.render(path) + ": '" + YamlPath.render(path.subList(0, i))
                            + "' is not a mapping");
                }
                Optional<NodeTuple> t = m.getValue().stream()
                        .filter(x -> x.getKeyNode() instanceof ScalarNode ks && ks.getValue().equals(k.name())).findFirst();
                if (t.isEmpty()) {
                    return new Walk(cur, i, -1, keyColumn);
                }
                keyColumn = t.get().getKeyNode().getStartMark().getColumn();
                cur = t.get().getValueNode();
            } else if (s instanceof Index ix) {
                if (!(cur instanceof SequenceNode q) || ix.index() >= q.getValue().size()) {
                    throw new UserError("cannot set " + YamlPath.render(path) + ": no list item " + ix.index());
                }
                cur = q.getValue().get(ix.index());
            } else if (s instanceof Select sel) {
                cur = select(cur, sel).orElseThrow(() -> new UserError("cannot set " + YamlPath.render(path) + ": no list item with "
                        + sel.field() + " " + sel.value()));
            }
        }
        return new Walk(cur, -1, -1, keyColumn);
    }

    private static Optional<Node> select(Node cur, Select sel) {
        if (cur instanceof SequenceNode q) {
            for (Node item : q.getValue()) {
                if (item instanceof MappingNode m) {
                    for (NodeTuple t : m.getValue()) {
                        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(sel.field())
                                && t.getValueNode() instanceof ScalarNode v && v.getValue().equals(sel.value())) {
                            return Optional.of(item);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean isEmptyScalar(Node n) {
        return n instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    /** SnakeYAML marks count code points; Java strings count UTF-16 units. */
    static int at(String text, int codePointIndex) {
        return text.offsetByCodePoints(0, Math.min(codePointIndex, text.codePointCount(0, text.length())));
    }

    /**
     * The text cut before each document's start ({@code ---}, or its first token when implicit): one piece
     * per document, comments and end markers staying with the document before; the pieces joined are the
     * text. Empty when a document has directives ({@code %YAML}, {@code %TAG}), which belong to the
     * document they precede and would end up with the one before.
     */
    static List<String> documentTexts(String text) {
        List<Integer> starts = new ArrayList<>();
        for (Event e : new Yaml(SafeYaml.options()).parse(new StringReader(text))) {
            if (e instanceof DocumentStartEvent d) {
                if (d.getVersion() != null || (d.getTags() != null && !d.getTags().isEmpty())) {
                    return List.of();
                }
                starts.add(starts.isEmpty() ? 0 : at(text, d.getStartMark().getIndex()));
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()));
        }
        return out;
    }

    static List<Node> compose(String text) {
        List<Node> out = new ArrayList<>();
        for (Node n : new Yaml(SafeYaml.options()).composeAll(new StringReader(text))) {
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    static Node document(String text, int index) {
        List<Node> docs = compose(text);
        if (index >= docs.size()) {
            throw new UserError("no YAML document " + index + " (the text has " + docs.size() + ")");
        }
        return docs.get(index);
    }
}
