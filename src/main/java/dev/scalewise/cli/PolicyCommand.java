package dev.scalewise.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.scalewise.UserError;
import dev.scalewise.policy.PolicyExplainer;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.PolicyYamlWriter;
import dev.scalewise.policy.Render;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.policy.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `policy show`: what a config really does, every default filled in and marked. Starts no Spark. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Reads autoscaling policies (HPA, KEDA, KServe, Knative, Ray Serve, scheduled, predictive).",
        subcommands = PolicyCommand.Show.class,
        footer = {"", "Examples:", "  scalewise policy show policies/",
                "  helm template charts/llm | scalewise policy show - --format json"})
final class PolicyCommand implements Runnable, SparkFree {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    enum Format { yaml, json }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints each policy normalized: every field, defaults filled in and marked (# default in "
                    + "yaml, a 'defaulted' list in json), the service and signals it maps to, and what the controller "
                    + "does in one sentence. Reads files, directories (*.yaml, *.yml) or - for stdin.",
            footer = {"", "Examples:", "  scalewise policy show policies/hpa-behavior.yaml",
                    "  scalewise policy show policies/ --format json",
                    "  scalewise policy show hpa.yaml --services policies/services.yaml",
                    "  kubectl get hpa -A -o yaml | scalewise policy show -",
                    "", "Exit codes: 0 ok, 2 a file is unreadable or invalid (one line per problem: file:line:col: path: problem)."})
    static final class Show implements Runnable, SparkFree {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files or directories; - reads stdin.")
        List<String> paths;

        @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--services", paramLabel = "FILE",
                description = "services.yaml (SLOs, startup); one among the FILEs is picked up too.")
        String services;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Map<String, ServiceSpec> known = services == null ? Map.of() : ServicesFile.load(services);
            PolicySet set = PolicyLoader.load(paths, known);
            if (set.policies().isEmpty()) {
                throw new UserError("no autoscaling policies found in " + String.join(", ", paths)
                        + (set.notes().isEmpty() ? "" : "\n" + String.join("\n", set.notes())));
            }
            PrintWriter out = spec.commandLine().getOut();
            List<Map<String, Object>> docs = new ArrayList<>();
            for (PolicySpec p : set.policies()) {
                docs.add(document(p));
            }
            if (format == Format.json) {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("policies", docs);
                all.put("notes", set.notes());
                try {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                for (int i = 0; i < docs.size(); i++) {
                    PolicySpec p = set.policies().get(i);
                    out.println((i > 0 ? "---\n" : "") + "# " + p.meta().location());
                    Map<String, Object> head = new LinkedHashMap<>(docs.get(i));
                    Object policy = head.remove("policy");
                    out.print(PolicyYamlWriter.write(head, 0));
                    out.println("policy:");
                    out.print("  " + PolicyYamlWriter.write(cast(policy), 2));
                }
                for (String note : set.notes()) {
                    out.println("# note: " + note);
                }
            }
            out.flush();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> cast(Object o) {
            return (Map<String, Object>) o;
        }

        private static Map<String, Object> document(PolicySpec p) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", p.meta().name());
            d.put("source", p.meta().sourceKind() + (p.meta().apiVersion().isEmpty() ? "" : " " + p.meta().apiVersion()));
            d.put("location", p.meta().location().toString());
            d.put("controller", p.kind().id());
            d.put("service", p.meta().service());
            d.put("signals", Render.signals(p).stream().map(Signal::id).toList());
            d.put("does", PolicyExplainer.describe(p));
            d.put("policy", Render.tree(p));
            return d;
        }
    }
}
