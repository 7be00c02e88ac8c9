package dev.scalewise.policy;

import dev.scalewise.UserError;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads policies from files, directories (recursively, *.yaml, *.yml and *.json, in sorted order) and "-"
 * (stdin, e.g. {@code helm template ... | scalewise policy show -}). Every problem in every file is
 * collected and reported together as one {@link UserError}, one "file:line:col: path: problem" line
 * each. services.yaml documents found among the inputs are not policies: they are skipped here, but
 * used to check a PredictiveScaling's lead time against the service's startup.
 */
public final class PolicyLoader {
    private PolicyLoader() {
    }

    public static PolicySet load(List<String> paths) {
        return load(paths, Map.of());
    }

    /** @param services known services (from --services), merged with any services files among the paths */
    public static PolicySet load(List<String> paths, Map<String, ServiceSpec> services) {
        List<String> pathProblems = new ArrayList<>();
        // problems grouped by file, in input order, so the report reads like the directory listing
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<YamlDoc> docs = new ArrayList<>();
        for (String source : expand(paths, pathProblems)) {
            problems.put(source, new ArrayList<>());
            try {
                docs.addAll(SafeYaml.load(source));
            } catch (YamlError e) {
                problems.get(source).add(e.getMessage());
            }
        }
        return fromDocs(docs, services, pathProblems, problems);
    }

    /** Policies from documents already parsed (a Spark executor re-reads the bytes the driver shipped). */
    public static PolicySet fromDocs(List<YamlDoc> docs, Map<String, ServiceSpec> services) {
        return fromDocs(docs, services, new ArrayList<>(), new LinkedHashMap<>());
    }

    private static PolicySet fromDocs(List<YamlDoc> docs, Map<String, ServiceSpec> services,
                                      List<String> pathProblems, Map<String, List<String>> problems) {
        for (YamlDoc doc : docs) {
            problems.computeIfAbsent(doc.source(), k -> new ArrayList<>());
        }
        List<String> notes = new ArrayList<>();
        Map<String, ServiceSpec> known = new LinkedHashMap<>(services);
        for (YamlDoc doc : docs) {
            if (PolicyReader.isServices(doc)) {
                attempt(problems.get(doc.source()), () -> {
                    ServicesFile.fromDoc(doc, known, LoadTestFiles.DISK);
                    return List.of();
                });
            }
        }
        List<PolicySpec> policies = new ArrayList<>();
        Map<String, PolicySpec> firstByName = new HashMap<>(); // a native kind's base: the first policy of that name
        PolicyReader.Context ctx = new PolicyReader.Context(name -> Optional.ofNullable(firstByName.get(name)), known,
                notes::add);
        // Native kinds name their base policy, so the reactive manifests are read first.
        for (boolean nativePass : new boolean[]{false, true}) {
            for (YamlDoc doc : docs) {
                if (PolicyReader.isServices(doc) || PolicyReader.isNative(doc) != nativePass) {
                    continue;
                }
                List<PolicySpec> read = attempt(problems.get(doc.source()), () -> PolicyReader.readAll(doc, ctx));
                if (read.isEmpty() && !PolicyReader.models(doc)) {
                    notes.add(doc.root().location() + ": skipped " + describe(doc) + ": not an autoscaling policy");
                }
                policies.addAll(read);
                read.forEach(p -> firstByName.putIfAbsent(p.meta().name(), p));
            }
        }
        problems.values().forEach(pathProblems::addAll);
        if (!pathProblems.isEmpty()) {
            throw new UserError(String.join("\n", pathProblems));
        }
        return new PolicySet(policies, notes);
    }

    private static List<PolicySpec> attempt(List<String> problems, java.util.function.Supplier<List<PolicySpec>> read) {
        try {
            return read.get();
        } catch (YamlError e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    private static String describe(YamlDoc doc) {
        if (doc.kind().isEmpty()) {
            return "a document without kind";
        }
        return doc.kind() + (doc.apiVersion().isEmpty() ? "" : " (" + doc.apiVersion() + ")")
                + (doc.name().isEmpty() ? "" : " '" + doc.name() + "'");
    }

    /** Files in the order given; a directory's YAML files sorted by path so output is stable. */
    public static List<String> expand(List<String> paths, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (p.equals("-") || Files.isRegularFile(path)) {
                out.add(p);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(PolicyLoader::isYaml).map(Path::toString).sorted()
                            .forEach(out::add);
                } catch (IOException e) {
                    problems.add(p + ": cannot list directory: " + e.getMessage());
                }
            } else {
                problems.add(p + ": no such file or directory");
            }
        }
        return out;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        // AWS configurations (CloudFormation, Terraform, the AWS CLI) are often JSON, which YAML reads too
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
