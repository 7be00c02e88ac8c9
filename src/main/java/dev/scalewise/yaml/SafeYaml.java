package dev.scalewise.yaml;

import dev.scalewise.policy.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

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
import java.util.List;

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
        Yaml yaml = new Yaml(options());
        List<YamlDoc> docs = new ArrayList<>();
        try {
            for (Node node : yaml.composeAll(new StringReader(text))) {
                if (node != null) {
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
