package dev.scalewise.recommend;

import dev.scalewise.UserError;
import dev.scalewise.yaml.YamlPath.Key;
import dev.scalewise.yaml.YamlPath.Segment;
import dev.scalewise.yaml.YamlPath;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes recommended values into the user's own manifest text, changing only those fields: a value that
 * exists is replaced in place (at its node's character span, keeping its quoting), a missing one is
 * inserted under its nearest existing parent with that parent's indentation (creating the missing
 * mappings, e.g. a whole {@code behavior:} block), and every other byte — comments, key order, other
 * documents — is kept. Values of string fields (Knative annotations, KEDA trigger metadata) are quoted
 * when inserted. YAML embedded in a block-literal string (a RayService's serveConfigV2) is edited inside
 * and re-indented. One change at a time, re-parsing in between, so changes under the same new parent
 * merge into one block.
 */
public final class ManifestEditor {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_./-]+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9.]+");
    private static final int NESTED_INDENT = 2;

    private ManifestEditor() {
    }

    /**
     * The manifest text with the recommendation's changes applied to its document (found by kind and
     * metadata name); the text unchanged when there is nothing to change.
     *
     * @param source the file name, for errors
     */
    public static String apply(String text, String source, Recommendation r) {
        if (r.changes().isEmpty()) {
            return text;
        }
        ManifestDocuments.Target target = find(YamlNodes.compose(text), source, r);
        return edit(text, target.document(), target.changes());
    }

    private static ManifestDocuments.Target find(List<Node> docs, String source, Recommendation r) {
        return ManifestDocuments.find(docs, r, r.changes()).orElseThrow(
                () -> new UserError(source + ": no " + r.kind() + " document named '" + r.manifest()
                + "' to apply the recommendation for service " + r.service() + " to"));
    }

    /**
     * The manifest text with every recommendation's changes applied, in order: the same text as applying
     * them one by one ({@link #apply}), but the file is composed once and each edit re-parses only its own
     * document, so a fleet's one multi-document file (thousands of policies) is edited in linear time,
     * not quadratic.
     */
    public static String applyAll(String text, String source, List<Recommendation> recs) {
        List<Recommendation> changing = recs.stream().filter(r -> !r.changes().isEmpty()).toList();
        if (changing.isEmpty()) {
            return text;
        }
        List<String> slices = YamlNodes.documentTexts(text);
        List<Node> docs = new ArrayList<>();
        for (String slice : slices) {
            List<Node> one = YamlNodes.compose(slice);
            docs.add(one.size() == 1 ? one.get(0) : null);
        }
        if (slices.isEmpty() || docs.contains(null)) {
            // a stream this split does not cover (directives, say): the one-by-one path is always right
            String out = text;
            for (Recommendation r : changing) {
                out = apply(out, source, r);
            }
            return out;
        }
        List<String> edited = new ArrayList<>(slices);
        for (Recommendation r : changing) {
            ManifestDocuments.Target target = find(docs, source, r);
            edited.set(target.document(), edit(edited.get(target.document()), 0, target.changes()));
        }
        return String.join("", edited);
    }

    /** The text with each change written into document {@code document} (0-based, empty documents skipped). */
    public static String edit(String text, int document, List<KnobChange> changes) {
        String out = text;
        for (KnobChange c : changes) {
            List<String> paths = new ArrayList<>(c.aliases());
            paths.add(0, c.path());
            out = set(out, document, paths, c.text(), c.format().string());
        }
        return out;
    }

    /** Sets the first of {@code paths} that exists, else inserts the first. */
    static String set(String text, int document, List<String> paths, String value, boolean string) {
        Node root = YamlNodes.document(text, document);
        for (String p : paths) {
            YamlPath path = YamlPath.parse(p);
            if (exists(text, root, path.segments())) {
                return write(text, root, path.segments(), value, string);
            }
        }
        return write(text, root, YamlPath.parse(paths.get(0)).segments(), value, string);
    }

    private static boolean exists(String text, Node root, List<Segment> path) {
        YamlNodes.Walk w = YamlNodes.walk(root, path);
        if (w.missingAt() >= 0) {
            return false;
        }
        if (w.embeddedAt() >= 0) {
            String inner = ((ScalarNode) w.node()).getValue();
            return exists(inner, YamlNodes.document(inner, 0), path.subList(w.embeddedAt() + 1, path.size()));
        }
        return true;
    }

    private static String write(String text, Node root, List<Segment> path, String value, boolean string) {
        YamlNodes.Walk w = YamlNodes.walk(root, path);
        if (w.embeddedAt() >= 0) {
            return editEmbedded(text, (ScalarNode) w.node(), path.subList(w.embeddedAt() + 1, path.size()), value, string);
        }
        if (w.missingAt() < 0) {
            return replaceScalar(text, w.node(), value, string, path);
        }
        List<String> keys = new ArrayList<>();
        for (Segment s : path.subList(w.missingAt(), path.size())) {
            if (!(s instanceof Key k)) {
                throw new UserError("cannot create " + YamlPath.render(path) + ": a list item is missing");
            }
            keys.add(k.name());
        }
        String scalar = string ? "\"" + value + "\"" : value;
        return insert(text, w.node(), w.keyColumn(), keys, scalar);
    }

    private static String replaceScalar(String text, Node node, String value, boolean string, List<Segment> path) {
        if (!(node instanceof ScalarNode s)) {
            throw new UserError("cannot set " + YamlPath.render(path) + ": it is a " + (node instanceof MappingNode ? "mapping" : "list"));
        }
        int start = YamlNodes.at(text, s.getStartMark().getIndex());
        int end = YamlNodes.at(text, s.getEndMark().getIndex());
        String replacement = switch (s.getScalarStyle()) {
            case DOUBLE_QUOTED -> "\"" + value + "\"";
            case SINGLE_QUOTED -> "'" + value + "'";
            // a string field must not turn into a YAML number: Kubernetes rejects `min-scale: 2` in annotations
            case PLAIN -> (start == end ? " " : "") + (string && NUMBER.matcher(value).matches() ? "\"" + value + "\"" : value);
            default -> throw new UserError("cannot set " + YamlPath.render(path) + ": a block scalar");
        };
        if (start == end && start > 0 && text.charAt(start - 1) == ' ') {
            replacement = replacement.substring(1);
        }
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** Inserts {@code keys: ... scalar} under {@code parent} (a mapping, or the empty value of a key). */
    private static String insert(String text, Node parent, int parentKeyColumn, List<String> keys, String scalar) {
        if (parent instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return insertFlow(text, m, keys, scalar);
        }
        if (parent instanceof MappingNode m) {
            int indent = m.getValue().get(0).getKeyNode().getStartMark().getColumn();
            int pos = lineEnd(text, lastLeafEnd(text, m));
            String block = block(keys, scalar, indent, newline(text));
            return pos < 0 ? text + newline(text) + block : text.substring(0, pos) + block + text.substring(pos);
        }
        // the value of an existing key is empty (`behavior:` or `behavior: null`): put the block under the key
        int start = YamlNodes.at(text, parent.getStartMark().getIndex());
        int end = YamlNodes.at(text, parent.getEndMark().getIndex());
        String trimmed = text.substring(0, start).stripTrailing() + text.substring(end);
        int pos = lineEnd(trimmed, text.substring(0, start).stripTrailing().length());
        String block = block(keys, scalar, Math.max(0, parentKeyColumn) + NESTED_INDENT, newline(text));
        return pos < 0 ? trimmed + newline(text) + block : trimmed.substring(0, pos) + block + trimmed.substring(pos);
    }

    /** The character index after the last scalar inside a block collection. */
    private static int lastLeafEnd(String text, Node n) {
        if (n instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
            return lastLeafEnd(text, m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode q && q.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !q.getValue().isEmpty()) {
            return lastLeafEnd(text, q.getValue().get(q.getValue().size() - 1));
        }
        return YamlNodes.at(text, n.getEndMark().getIndex());
    }

    /** The start of the line after position {@code i} (-1 at the end of a text without a final newline). */
    private static int lineEnd(String text, int i) {
        if (i > 0 && i <= text.length() && text.charAt(i - 1) == '\n') {
            return i;
        }
        int nl = text.indexOf('\n', i);
        return nl < 0 ? -1 : nl + 1;
    }

    /** The text's own line break (a CRLF file stays CRLF). */
    private static String newline(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    private static String block(List<String> keys, String scalar, int indent, String newline) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(" ".repeat(indent + NESTED_INDENT * i)).append(key(keys.get(i))).append(':');
            if (i == keys.size() - 1) {
                b.append(' ').append(scalar);
            }
            b.append(newline);
        }
        return b.toString();
    }

    /**
     * Inserts into a flow mapping after its last entry, separated as its entries are (a pretty-printed JSON
     * object gets the new key on a line of its own); keys are quoted as its keys are (JSON's always).
     */
    private static String insertFlow(String text, MappingNode m, List<String> keys, String scalar) {
        List<NodeTuple> entries = m.getValue();
        if (entries.isEmpty()) {
            int close = text.lastIndexOf('}', YamlNodes.at(text, m.getEndMark().getIndex()) - 1);
            return text.substring(0, close) + flow(keys, scalar, false) + text.substring(close);
        }
        // keys written in double quotes (JSON's always are): read from the text itself
        boolean quoted = text.charAt(YamlNodes.at(text, entries.get(0).getKeyNode().getStartMark().getIndex())) == '"';
        int lastKey = YamlNodes.at(text, entries.get(entries.size() - 1).getKeyNode().getStartMark().getIndex());
        int before = entries.size() > 1
                ? YamlNodes.at(text, entries.get(entries.size() - 2).getValueNode().getEndMark().getIndex())
                : YamlNodes.at(text, m.getStartMark().getIndex()) + 1;
        String gap = text.substring(before, lastKey);
        String sep = entries.size() > 1 ? gap : "," + gap;
        if (sep.strip().equals(",") && sep.length() == 1) {
            sep = ", ";
        }
        int end = YamlNodes.at(text, entries.get(entries.size() - 1).getValueNode().getEndMark().getIndex());
        return text.substring(0, end) + sep + flow(keys, scalar, quoted) + text.substring(end);
    }

    private static String flow(List<String> keys, String scalar, boolean quoted) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            b.append(quoted ? "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : key(k)).append(": ")
                    .append(i == keys.size() - 1 ? scalar : "{");
        }
        b.append("}".repeat(keys.size() - 1));
        return b.toString();
    }

    private static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() ? k : "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** YAML held in a block-literal string: edit the inner text, then put it back with the block's indent. */
    private static String editEmbedded(String text, ScalarNode s, List<Segment> rest, String value, boolean string) {
        if (s.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL) {
            throw new UserError("cannot edit YAML embedded in a " + s.getScalarStyle().name().toLowerCase()
                    + " string; write it as a block literal (|)");
        }
        String inner = s.getValue();
        List<String> paths = List.of(YamlPath.render(rest));
        String edited = set(inner, 0, paths, value, string);
        int start = YamlNodes.at(text, s.getStartMark().getIndex());
        int end = YamlNodes.at(text, s.getEndMark().getIndex());
        int bodyStart = text.indexOf('\n', start) + 1;
        String body = text.substring(bodyStart, end);
        String indent = body.substring(0, body.length() - body.stripLeading().length());
        indent = indent.substring(indent.lastIndexOf('\n') + 1);
        String original = indent(inner, indent);
        String suffix = body.startsWith(original) ? body.substring(original.length()) : "";
        return text.substring(0, bodyStart) + indent(edited, indent) + suffix + text.substring(end);
    }

    private static String indent(String s, String indent) {
        StringBuilder b = new StringBuilder();
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                b.append(indent).append(lines[i]);
            }
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

}
