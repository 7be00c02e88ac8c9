package dev.scalewise.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node that knows where it is: its source, line, column and path from the document root. A
 * missing child is a "missing" YNode (not null) located at its parent, so a loader can chain
 * {@code doc.get("spec").get("behavior")} and still report where a required field should have been.
 */
public final class YNode {
    private final String source;
    private final Node node; // null when missing
    private final YamlPath path;
    private final SourceLocation parentLocation;

    private YNode(String source, Node node, YamlPath path, SourceLocation parentLocation) {
        this.source = source;
        this.node = node;
        this.path = path;
        this.parentLocation = parentLocation;
    }

    static YNode root(String source, Node node) {
        return new YNode(source, node, YamlPath.ROOT, SourceLocation.unknown(source));
    }

    public boolean isMissing() {
        return node == null;
    }

    public boolean isPresent() {
        return node != null;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** True for a present scalar `null`, `~` or empty value. */
    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    /**
     * Path from the document root, e.g. {@code spec.behavior.scaleDown.policies[1].value} or
     * {@code metadata.annotations["autoscaling.knative.dev/window"]}: what errors and findings name.
     */
    public String path() {
        return path.toString();
    }

    /** The same path, as segments. */
    public YamlPath yamlPath() {
        return path;
    }

    /** Where the node starts; a missing node reports its parent's location. */
    public SourceLocation location() {
        if (node == null) {
            return parentLocation;
        }
        return new SourceLocation(source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    public String source() {
        return source;
    }

    /** The child under {@code key}; missing when this is not a mapping or has no such key. */
    public YNode get(String key) {
        YamlPath childPath = path.key(key);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new YNode(source, t.getValueNode(), childPath, location());
                }
            }
        }
        return new YNode(source, null, childPath, location());
    }

    /** The location of {@code key} itself in this mapping (for findings about a field's presence). */
    public SourceLocation keyLocation(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new SourceLocation(source, k.getStartMark().getLine() + 1, k.getStartMark().getColumn() + 1);
                }
            }
        }
        return location();
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** Items of a sequence; empty for anything else. */
    public List<YNode> items() {
        List<YNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            List<Node> value = s.getValue();
            for (int i = 0; i < value.size(); i++) {
                out.add(new YNode(source, value.get(i), path.then(new YamlPath.Index(i)), location()));
            }
        }
        return out;
    }

    /** Entries of a mapping in document order (scalar keys only); empty for anything else. */
    public Map<String, YNode> entries() {
        Map<String, YNode> out = new LinkedHashMap<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), new YNode(source, t.getValueNode(), path.key(k.getValue()), location()));
                }
            }
        }
        return out;
    }

    /**
     * A local tag such as {@code !Sub} or {@code !Ref} (CloudFormation's short-form functions), without its
     * "!"; empty for untagged nodes and the standard {@code tag:yaml.org,2002:} ones.
     */
    public Optional<String> localTag() {
        if (node == null) {
            return Optional.empty();
        }
        String tag = node.getTag().getValue();
        return tag.startsWith("!") ? Optional.of(tag.substring(1)) : Optional.empty();
    }

    /** The scalar text, if this is a present, non-null scalar. */
    public Optional<String> text() {
        return node instanceof ScalarNode s && !isNull() ? Optional.of(s.getValue()) : Optional.empty();
    }

    public String asText(String fallback) {
        return text().orElse(fallback);
    }

    /** A required string. */
    public String requireText() {
        if (node == null || isNull()) {
            throw error("required field is missing");
        }
        if (!isScalar()) {
            throw error("expected a string, found a " + shape());
        }
        return ((ScalarNode) node).getValue();
    }

    public Optional<Integer> optInt() {
        return text().map(t -> parseInt(t));
    }

    public int asInt(int fallback) {
        return optInt().orElse(fallback);
    }

    public int requireInt() {
        if (node == null || isNull()) {
            throw error("required field is missing");
        }
        return parseInt(requireText());
    }

    public Optional<Double> optDouble() {
        return text().map(this::parseDouble);
    }

    public double asDouble(double fallback) {
        return optDouble().orElse(fallback);
    }

    public Optional<Boolean> optBool() {
        return text().map(t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, found '" + t + "'");
        });
    }

    /**
     * A Kubernetes quantity ("500m", "2", "1.5k", "1Gi", "1e3") as a plain number: decimal SI suffixes
     * n u m k M G T P E and binary Ki Mi Gi Ti Pi Ei (k8s.io/apimachinery resource.Quantity).
     */
    public Optional<Double> optQuantity() {
        return text().map(this::parseQuantity);
    }

    /** A finding or error about this node: "file:line:col: path: problem". */
    public YamlError error(String problem) {
        return new YamlError(location(), path.toString(), problem);
    }

    /** An error about input that may be valid upstream but that the model cannot read ({@link YamlError#beyondModel}). */
    public YamlError beyondModel(String problem) {
        return YamlError.beyondModel(location(), path.toString(), problem);
    }

    private String shape() {
        return node instanceof MappingNode ? "mapping" : node instanceof SequenceNode ? "list" : "scalar";
    }

    private int parseInt(String t) {
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer, found '" + t + "'");
        }
    }

    private double parseDouble(String t) {
        try {
            double v = Double.parseDouble(t.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + t + "'");
        }
    }

    private double parseQuantity(String raw) {
        String t = raw.trim();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
                {"Pi", "1125899906842624"}, {"Ei", "1152921504606846976"}, {"n", "1e-9"}, {"u", "1e-6"},
                {"m", "1e-3"}, {"k", "1e3"}, {"M", "1e6"}, {"G", "1e9"}, {"T", "1e12"}, {"P", "1e15"}, {"E", "1e18"}};
        for (String[] s : suffixes) {
            if (t.endsWith(s[0]) && t.length() > s[0].length()) {
                String number = t.substring(0, t.length() - s[0].length());
                if (!number.matches("[+-]?[0-9.]+")) {
                    continue;
                }
                return parseDouble(number) * Double.parseDouble(s[1]);
            }
        }
        try {
            return parseDouble(t);
        } catch (YamlError e) {
            throw error("expected a Kubernetes quantity (e.g. 500m, 2, 1Gi), found '" + raw + "'");
        }
    }
}
