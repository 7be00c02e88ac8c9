package dev.scalewise.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads untrusted YAML as node trees only. SnakeYAML's compose step builds nodes and never
 * instantiates classes, so global tags such as {@code !!javax.script.ScriptEngineManager} cannot run
 * code; alias expansion, nesting depth and size are bounded so a billion-laughs file is refused
 * instead of exhausting memory.
 */
public final class SafeYaml {
    /** Largest source accepted; real manifests are kilobytes, rendered Helm charts a few MB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Manifests rarely use anchors; a billion-laughs document needs dozens of aliases to collections. */
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 100;
    /**
     * Longest line accepted, checked before parsing: SnakeYAML copies its look-ahead window each time it
     * reads on, so the time to scan one line grows with the square of its length (a single 7.5 MB line
     * took over a minute and 2 GB). Kubernetes caps a ConfigMap's data at 1 MiB, and manifest lines are
     * rarely above a few KB even with kubectl's last-applied annotation; 128 K characters keeps the worst
     * file under the size limit to about a second.
     */
    public static final int MAX_LINE_CHARS = 128 * 1024;

    private SafeYaml() {
    }

    /** Reads a file ("-" reads stdin). */
    public static List<YamlDoc> load(String source) {
        return parse(source, read(source));
    }

    /**
     * The bytes of a source ("-" reads stdin), refused when larger than {@link #MAX_BYTES}; for callers
     * that keep the bytes (a Spark job ships them to its executors) and parse them later.
     */
    public static byte[] read(String source) {
        byte[] bytes;
        try {
            if (source.equals("-")) {
                bytes = readBounded(System.in, source);
            } else {
                Path p = Path.of(source);
                if (!Files.isRegularFile(p)) {
                    throw new YamlError(SourceLocation.unknown(source), "", "not a readable file");
                }
                if (Files.size(p) > MAX_BYTES) {
                    throw tooLarge(source, Files.size(p));
                }
                bytes = Files.readAllBytes(p);
            }
        } catch (IOException e) {
            throw new YamlError(SourceLocation.unknown(source), "", "cannot read: " + e.getMessage());
        }
        return bytes;
    }

    public static List<YamlDoc> parse(String source, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, bytes.length);
        }
        String text = decode(source, bytes);
        checkLineLengths(source, text);
        Yaml yaml = new Yaml(options());
        List<YamlDoc> docs = new ArrayList<>();
        try {
            for (Node node : yaml.composeAll(new StringReader(text))) {
                if (node != null) {
                    refuseDuplicateKeys(source, node, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
                    docs.add(new YamlDoc(source, docs.size(), YNode.root(source, node)));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceLocation at = m == null ? SourceLocation.unknown(source)
                    : new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new YamlError(at, "", "invalid YAML: " + oneLine(
                    (e.getContext() != null ? e.getContext() + ", " : "") + problem));
        } catch (YAMLException e) {
            // Limits (aliases, nesting, size) raise unmarked exceptions.
            throw new YamlError(SourceLocation.unknown(source), "", "refused: " + oneLine(e.getMessage()));
        }
        return docs;
    }

    /**
     * A key given twice in one mapping. SnakeYAML's {@code setAllowDuplicateKeys(false)} acts only when it
     * constructs Java objects, never on the composed nodes read here (where the first value would
     * silently win for our readers, and the last one for kubectl): so the node walk checks it.
     * Each node is visited once, however many aliases point at it.
     */
    private static void refuseDuplicateKeys(String source, Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode m) {
            Map<String, Mark> keys = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    Mark first = keys.putIfAbsent(k.getValue(), k.getStartMark());
                    if (first != null) {
                        Mark at = k.getStartMark();
                        throw new YamlError(new SourceLocation(source, at.getLine() + 1, at.getColumn() + 1), "",
                                "invalid YAML: duplicate key '" + k.getValue() + "' (first at line "
                                        + (first.getLine() + 1) + "); give each key once");
                    }
                }
                refuseDuplicateKeys(source, t.getKeyNode(), seen);
                refuseDuplicateKeys(source, t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode q) {
            q.getValue().forEach(n -> refuseDuplicateKeys(source, n, seen));
        }
    }

    private static void checkLineLengths(String source, String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new YamlError(new SourceLocation(source, line, 1), "", "refused: line " + line + " has "
                            + (i - start) + " characters, more than the " + MAX_LINE_CHARS
                            + " accepted on one line of a YAML source");
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** The loader limits above; also for callers that need SnakeYAML's own nodes (marks with indexes). */
    public static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(MAX_DEPTH);
        o.setCodePointLimit(MAX_BYTES);
        o.setProcessComments(false);
        return o;
    }

    private static byte[] readBounded(InputStream in, String source) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, bytes.length);
        }
        return bytes;
    }

    private static String decode(String source, byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new YamlError(SourceLocation.unknown(source), "", "not a YAML text file (binary content: NUL byte)");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new YamlError(SourceLocation.unknown(source), "", "not a YAML text file (invalid UTF-8)");
        }
    }

    private static YamlError tooLarge(String source, long size) {
        return new YamlError(SourceLocation.unknown(source), "",
                "refused: " + size + " bytes is larger than the " + MAX_BYTES + "-byte limit for a YAML source");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
