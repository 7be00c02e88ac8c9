package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.importer.PartitionCommit;
import dev.scalewise.importer.ProgressBar;
import dev.scalewise.importer.prometheus.ClientOptions;
import dev.scalewise.importer.prometheus.Column;
import dev.scalewise.importer.prometheus.ImportSummary;
import dev.scalewise.importer.prometheus.Preset;
import dev.scalewise.importer.prometheus.Presets;
import dev.scalewise.importer.prometheus.PromClient;
import dev.scalewise.importer.prometheus.PrometheusImport;
import dev.scalewise.importer.prometheus.QueryTemplate;
import dev.scalewise.jobs.ParquetFiles;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.policy.Slo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** `scalewise import`: brings a fleet's history into the data contract. Starts no Spark. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a fleet's history into the data contract (Parquet, date=YYYY-MM-DD).",
                "Starts no Spark. Docs: docs/import-prometheus.md, docs/import-billing.md."},
        subcommands = {ImportCommand.Prometheus.class, BillingImportCommand.class})
final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** `scalewise import prometheus`. */
    @Command(name = "prometheus", mixinStandardHelpOptions = true,
            description = {"Reads requests, latency and GPU series from a Prometheus-compatible server",
                    "(Prometheus, VictoriaMetrics, Thanos, Mimir: /api/v1/query_range) and writes",
                    "DATA/requests, DATA/latency and DATA/gpu, one UTC day at a time. A day already",
                    "written is skipped (unless --overwrite), so an interrupted import resumes; a day",
                    "appears whole or not at all. Docs: docs/import-prometheus.md."},
            footer = {"", "Examples:",
                    "  scalewise import prometheus --list-presets",
                    "  scalewise import prometheus --url http://prometheus:9090 --from 2026-10-05 \\",
                    "      --to 2026-10-18 --out exports/ --services policies/services.yaml",
                    "  scalewise import prometheus --url https://mimir.example/prometheus \\",
                    "      --bearer-token-file /var/run/secrets/token --preset knative --preset dcgm \\",
                    "      --namespace inference --from 2026-10-01 --to 2026-10-31 --out exports/",
                    "",
                    "Exit codes: 0 imported (notes on stderr say what was missing), 2 a user or server",
                    "error (nothing half-written; rerun to resume), 3 internal error."})
    static final class Prometheus implements Callable<Integer> {
        @Option(names = "--url", paramLabel = "URL", description = "Base URL of the server, e.g. http://localhost:9090.")
        String url;

        @Option(names = "--from", paramLabel = "DATE", description = "First UTC day (yyyy-MM-dd), inclusive.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last UTC day (yyyy-MM-dd), inclusive.")
        LocalDate to;

        @Option(names = "--out", paramLabel = "DATA", description = "Data directory to write (created if absent).")
        Path out;

        @Option(names = "--preset", paramLabel = "NAME",
                description = "Serving stack whose queries to run (repeatable; later ones win per column). "
                        + "Default: vllm, dcgm, kube-state-metrics. --list-presets shows them all.")
        List<String> presets;

        @Option(names = "--queries", paramLabel = "FILE",
                description = "YAML file 'queries: {COLUMN: PROMQL}' overriding any preset query.")
        String queries;

        @Option(names = "--service-label", paramLabel = "LABEL", defaultValue = "service",
                description = "Label naming the service on the series (default ${DEFAULT-VALUE}).")
        String serviceLabel;

        @Option(names = "--namespace", paramLabel = "NS", description = "Only series of this Kubernetes namespace.")
        String namespace;

        @Option(names = "--pod-regex", paramLabel = "REGEX", defaultValue = "(.+)-[a-z0-9]{1,10}-[a-z0-9]{5}",
                description = "Pod name -> Deployment for per-pod metrics (DCGM, cAdvisor); first group is the "
                        + "name (default ${DEFAULT-VALUE}).")
        String podRegex;

        @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
                description = "Row interval and query step, dividing a day (default ${DEFAULT-VALUE}).")
        String step;

        @Option(names = "--services", paramLabel = "FILE",
                description = "services.yaml: latency at its SLO percentiles (else p50, p95 and p99); "
                        + "services named there and absent on the server are reported.")
        String services;

        @Option(names = "--overwrite", description = "Import days already written again.")
        boolean overwrite;

        @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
                description = "Queries in flight at once (default ${DEFAULT-VALUE}).")
        int parallel;

        @Option(names = "--bearer-token-file", paramLabel = "FILE", description = "Send 'Authorization: Bearer' "
                + "with the token in FILE.")
        Path bearerTokenFile;

        @Option(names = "--basic-user", paramLabel = "USER", description = "Basic auth user; the password comes "
                + "from --basic-password-file or --basic-password-env, never the command line.")
        String basicUser;

        @Option(names = "--basic-password-file", paramLabel = "FILE", description = "File holding the password.")
        Path basicPasswordFile;

        @Option(names = "--basic-password-env", paramLabel = "VAR", description = "Environment variable holding it.")
        String basicPasswordEnv;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust the server's certificate from this CA.")
        Path caFile;

        @Option(names = "--insecure", description = "Accept any TLS certificate (testing only).")
        boolean insecure;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
                description = "Per request (default ${DEFAULT-VALUE}).")
        String timeout;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
                description = "Retries after a 5xx, 429, timeout or refused connection, waits doubling from "
                        + "--retry-wait (default ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = "--retry-wait", paramLabel = "DURATION", defaultValue = "1s", hidden = true)
        String retryWait;

        @Option(names = "--max-points", paramLabel = "N", defaultValue = "11000", hidden = true,
                description = "Points per range request (the server's limit).")
        int maxPoints;

        @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
                description = "Progress bar on stderr: auto (when stderr is a terminal), always, never.")
        String progress;

        @Option(names = "--list-presets", description = "Print every preset's queries and exit.")
        boolean listPresets;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (listPresets) {
                printPresets(stdout);
                return 0;
            }
            require(url, "--url");
            require(from, "--from");
            require(to, "--to");
            require(out, "--out");
            int stepSeconds = (int) OptionValues.seconds("--step", step);
            List<String> names = presets == null || presets.isEmpty() ? Presets.DEFAULT : presets;
            Map<Column, QueryTemplate> chosen = Presets.choose(names,
                    queries == null ? Map.of() : Presets.userFile(queries));
            Map<String, ServiceSpec> specs = services == null ? Map.of() : ServicesFile.load(services);
            PrometheusImport.Request request = new PrometheusImport.Request(from, to, stepSeconds, chosen,
                    new QueryTemplate.Vars(serviceLabel, namespace, stepSeconds, podRegex), quantiles(specs),
                    specs.keySet(), overwrite, parallel, maxPoints);
            ClientOptions client = clientOptions();
            if (insecure) {
                err.println("scalewise: warning: --insecure: the server's TLS certificate is not checked");
            }
            boolean bar = switch (progress) {
                case "always" -> true;
                case "never" -> false;
                case "auto" -> ProgressBar.stderrIsTerminal();
                default -> throw new UserError("--progress: expected auto, always or never; found '" + progress + "'");
            };
            PromClient prom = new PromClient(client);
            long t0 = System.nanoTime();
            ImportSummary summary;
            try (PartitionCommit commit = PartitionCommit.open(out, ParquetFiles::write);
                 ProgressBar progressBar = new ProgressBar(err, bar)) {
                summary = new PrometheusImport(prom, commit, progressBar, Clock.systemUTC()).run(request);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (String note : summary.notes()) {
                err.println("scalewise: note: " + note);
            }
            err.flush();
            if (summary.daysWritten() == 0 && summary.daysSkipped() == 0) {
                throw new UserError("nothing imported: no requests rows between " + from + " and " + to + " at " + url
                        + " (the notes above say which metrics were missing)");
            }
            printSummary(stdout, summary, request, seconds, prom);
            return 0;
        }

        private static void require(Object value, String option) {
            if (value == null) {
                throw new UserError("missing " + option + " (import prometheus --help shows the options)");
            }
        }

        private static List<Double> quantiles(Map<String, ServiceSpec> specs) {
            if (specs.isEmpty()) {
                return List.of(0.5, 0.95, 0.99);
            }
            Set<Double> qs = new TreeSet<>();
            for (ServiceSpec s : specs.values()) {
                for (dev.scalewise.policy.Slo.Target t : s.slo().targets()) { // end-to-end, TTFT and TPOT alike
                    qs.add(switch (t.percentile()) {
                        case P50 -> 0.5;
                        case P95 -> 0.95;
                        case P99 -> 0.99;
                    });
                }
            }
            return List.copyOf(qs);
        }

        private ClientOptions clientOptions() {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new UserError("--url: not a URL: '" + url + "'");
            }
            Optional<String> auth = Optional.empty();
            if (bearerTokenFile != null && basicUser != null) {
                throw new UserError("--bearer-token-file and --basic-user: give one of them, not both");
            }
            if (bearerTokenFile != null) {
                auth = Optional.of(ClientOptions.bearerFromFile(bearerTokenFile));
            } else if (basicUser != null) {
                auth = Optional.of(ClientOptions.basic(basicUser, Optional.ofNullable(basicPasswordFile),
                        Optional.ofNullable(basicPasswordEnv)));
            } else if (basicPasswordFile != null || basicPasswordEnv != null) {
                throw new UserError("--basic-password-file/--basic-password-env need --basic-user");
            }
            if (insecure && caFile != null) {
                throw new UserError("--insecure and --ca-file: give one of them, not both");
            }
            if (retries < 0 || parallel < 1 || maxPoints < 1) {
                throw new UserError("--retries must be >= 0, --parallel and --max-points >= 1");
            }
            return ClientOptions.of(uri).withAuthorization(auth).withTls(Optional.ofNullable(caFile), insecure)
                    .withPatience(Duration.ofSeconds(OptionValues.seconds("--timeout", timeout)), retries,
                            Duration.ofMillis(millis(retryWait)));
        }

        private static long millis(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith("ms")) {
                try {
                    return Long.parseLong(t.substring(0, t.length() - 2).trim());
                } catch (NumberFormatException e) {
                    throw new UserError("--retry-wait: expected a duration like 500ms or 1s, found '" + text + "'");
                }
            }
            return OptionValues.seconds("--retry-wait", text) * 1000;
        }

        static void printPresets(PrintWriter out) {
            for (Preset p : Presets.builtIn().values()) {
                out.println(p.name() + ": " + p.description());
                out.println("  docs: " + p.docs());
                for (Column c : Column.values()) {
                    QueryTemplate t = p.queries().get(c);
                    if (t != null) {
                        out.println("  " + c.key() + ": " + t.promql().replace("\n", " "));
                    }
                }
                out.println();
            }
            out.println("Default presets: " + String.join(", ", Presets.DEFAULT) + ". Override a column with --queries"
                    + " FILE ('queries: {COLUMN: PROMQL}'); columns: " + Column.keys() + ".");
            out.flush();
        }

        private static void printSummary(PrintWriter out, ImportSummary s, PrometheusImport.Request r, double seconds,
                                         PromClient prom) {
            out.printf(Locale.ROOT, "imported %s .. %s: %d days written, %d already there (skipped); %d requests"
                            + " in %.1f s (%.1f s waiting for the server)%n", r.from(), r.to(), s.daysWritten(),
                    s.daysSkipped(), prom.requests(), seconds, prom.serverNanos() / 1e9);
            out.printf(Locale.ROOT, "%-24s %10s %10s %10s %9s  %s%n", "service", "requests", "latency", "gpu",
                    "gaps", "HPA desired / ready");
            s.services().forEach((name, t) -> out.printf(Locale.ROOT, "%-24s %10d %10d %10d %8.1f%%  %s%n", name,
                    t.requestsRows(), t.latencyRows(), t.gpuRows(), 100.0 * s.gaps(name) / Math.max(1, s.stepsInRange()),
                    Double.isNaN(t.meanDesired()) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", t.meanDesired(),
                            t.meanReady())));
            out.println("(rows written per dataset this run; gaps = steps of the range without a requests row,"
                    + " counted over the rows written this run)");
            out.flush();
        }
    }
}
