package dev.scalewise.lint;

import dev.scalewise.UserError;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The YAML sources of a run: files as named, directories walked for {@code *.yaml}/{@code *.yml}
 * (hidden directories skipped), "-" for stdin, minus the configured ignore globs; read with
 * {@link SafeYaml}. An unreadable or invalid file stops the run (exit 2) with its file:line:col.
 */
public final class LintInputs {
    private static final Pattern HELM_SOURCE = Pattern.compile("#\\s*Source:\\s*(\\S.*)");
    private static final int PARALLEL_FROM_FILES = 16;
    private final List<String> sources;
    private final List<YamlDoc> docs;
    /** For stdin: line of each Helm "# Source:" comment and the template it names. */
    private final Map<String, NavigableMap<Integer, String>> renderedFrom;

    private LintInputs(List<String> sources, List<YamlDoc> docs, Map<String, NavigableMap<Integer, String>> renderedFrom) {
        this.sources = List.copyOf(sources);
        this.docs = List.copyOf(docs);
        this.renderedFrom = Map.copyOf(renderedFrom);
    }

    /**
     * @param args        files, directories or "-"
     * @param ignoreGlobs glob patterns matched against paths relative to {@code base}
     * @param stdinName   name findings use for stdin (e.g. the chart the stream came from)
     */
    public static LintInputs read(List<String> args, List<String> ignoreGlobs, Path base, String stdinName) {
        List<PathMatcher> ignored = ignoreGlobs.stream()
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                files.add("-");
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                files.addAll(walk(p));
            } else if (Files.exists(p)) {
                files.add(arg);
            } else {
                throw new UserError(arg + ": no such file or directory");
            }
        }
        List<String> kept = files.stream().distinct().filter(f -> f.equals("-") || !isIgnored(f, base, ignored)).toList();
        if (kept.isEmpty()) {
            // A CI job pointed at the wrong directory must not pass silently.
            throw new UserError("no *.yaml or *.yml files to lint in " + String.join(" ", args)
                    + (files.isEmpty() ? "" : " (all " + files.size() + " are in ignorePaths)"));
        }
        List<YamlDoc> docs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Map<String, NavigableMap<Integer, String>> renderedFrom = new HashMap<>();
        // Files parse in parallel (most of a cold run is YAML parsing); results and the error reported
        // stay in file order, so output does not depend on scheduling.
        // Only worth a thread pool for more than a handful of files.
        List<Parsed> parsed = (kept.size() > PARALLEL_FROM_FILES ? kept.parallelStream() : kept.stream())
                .map(f -> parse(f, stdinName)).toList();
        for (int i = 0; i < kept.size(); i++) {
            Parsed p = parsed.get(i);
            if (p.error() != null) {
                throw p.error();
            }
            sources.add(kept.get(i).equals("-") ? stdinName : kept.get(i));
            docs.addAll(p.docs());
            if (!p.templates().isEmpty()) {
                renderedFrom.put(stdinName, p.templates());
            }
        }
        return new LintInputs(sources, docs, renderedFrom);
    }

    private record Parsed(List<YamlDoc> docs, NavigableMap<Integer, String> templates, UserError error) {
    }

    private static Parsed parse(String f, String stdinName) {
        try {
            return f.equals("-") ? readStdin(stdinName) : new Parsed(SafeYaml.load(f), new TreeMap<>(), null);
        } catch (UserError e) {
            return new Parsed(List.of(), new TreeMap<>(), e);
        }
    }

    /** Stdin parsed under the name findings should carry (SafeYaml enforces the size limit). */
    private static Parsed readStdin(String name) {
        byte[] bytes;
        try {
            bytes = System.in.readNBytes(SafeYaml.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read stdin: " + e.getMessage());
        }
        List<YamlDoc> docs = SafeYaml.parse(name, bytes);
        NavigableMap<Integer, String> templates = new TreeMap<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = HELM_SOURCE.matcher(lines[i]);
            if (m.matches()) {
                templates.put(i + 1, m.group(1).trim());
            }
        }
        return new Parsed(docs, templates, null);
    }

    /**
     * Adds "(rendered from TEMPLATE)" to findings in stdin that follow a Helm "# Source:" comment, so
     * that a finding in {@code helm template | scalewise lint -} names the template to fix.
     */
    public LintReport withRenderedFrom(LintReport report) {
        if (renderedFrom.isEmpty()) {
            return report;
        }
        List<Finding> findings = report.findings().stream().map(f -> {
            NavigableMap<Integer, String> t = renderedFrom.get(f.location().file());
            Map.Entry<Integer, String> e = t == null ? null : t.floorEntry(f.location().line());
            return e == null ? f : new Finding(f.ruleId(), f.severity(), f.message() + " (rendered from " + e.getValue() + ")",
                    f.location(), f.path(), f.object());
        }).toList();
        return new LintReport(findings, report.rules(), report.checks(), report.sources(), report.suppressed());
    }

    public List<String> sources() {
        return sources;
    }

    public List<YamlDoc> docs() {
        return docs;
    }

    private static List<String> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .filter(p -> !hidden(dir.relativize(p)))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(dir + ": cannot list directory: " + e.getMessage());
        }
    }

    /** Hidden directories (.git, .github) and dotfiles such as .scalewise-lint.yaml are not manifests. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIgnored(String file, Path base, List<PathMatcher> ignored) {
        Path abs = Path.of(file).toAbsolutePath().normalize();
        Path rel = abs.startsWith(base.toAbsolutePath().normalize())
                ? base.toAbsolutePath().normalize().relativize(abs) : Path.of(file).normalize();
        return ignored.stream().anyMatch(m -> m.matches(rel));
    }
}
