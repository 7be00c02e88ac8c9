package dev.scalewise.cli;

import dev.scalewise.ExitCodes;
import dev.scalewise.UserError;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintConfig;
import dev.scalewise.lint.LintConfigLoader;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.LintInputs;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.Linter;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.RuleRegistry;
import dev.scalewise.lint.Severity;
import dev.scalewise.lint.format.OutputTarget;
import dev.scalewise.lint.format.ReportSettings;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.ServicesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.scalewise.jobs.ReplayEvidenceSource;
import dev.scalewise.jobs.ResultsEvidenceSource;
import dev.scalewise.lint.EvidenceSource;

/** CI lint of autoscaling manifests. Static lint starts no Spark. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lints autoscaling manifests (HPA, KEDA, Knative, KServe, PDB, VPA and their workloads)"
                + " with line-accurate findings for CI.",
                "Reads files, directories (*.yaml, *.yml) or '-' for stdin. Rules: docs/rules/, or --list-rules."},
        footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,"
                + " 2 usage or unreadable input.",
                "", "Examples:",
                "  scalewise lint policies/",
                "  helm template charts/llm | scalewise lint --stdin-name charts/llm -",
                "  scalewise lint k8s/ -f text -f sarif=lint.sarif -f junit=lint.xml",
                "  scalewise lint k8s/ --kube-version 1.25 --fail-on warning",
                "  scalewise lint policies/ --services policies/services.yaml",
                "  scalewise lint policies/ --services policies/services.yaml --data sample-data --days 7",
                "  scalewise lint --list-rules",
                "", "With --data, the evidence rules (SW9xx, SW702) replay each policy over the last --days days of",
                "its service's exports (Spark, embedded unless --master) and quote breach minutes, idle cost,",
                "the replicas the peak needed and the catch-up time on ramps."})
final class LintCommand implements Callable<Integer>, SparkFree {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, directories or '-' (stdin). Default: .")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]",
            description = "text (default), json, sarif, junit or github; repeatable. FORMAT=FILE writes that"
                    + " format to FILE; at most one format goes to stdout.")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the one format given without '=FILE' to FILE instead of stdout.")
    String output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit 1 when a finding is at or above: error (default), warning, info, or never.")
    String failOn;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lint settings (default: .scalewise-lint.yaml in the working directory, if present).")
    Path config;

    @Option(names = "--kube-version", paramLabel = "X.Y",
            description = "Target Kubernetes version for deprecated/removed APIs (default " + KubeVersion.DEFAULT_TEXT + ").")
    String kubeVersion;

    @Option(names = "--services", paramLabel = "FILE",
            description = "services.yaml (SLOs, startup times, latency-critical): enables SW111, SW204, SW302, SW303, SW402.")
    String services;

    @Option(names = "--stdin-name", paramLabel = "NAME", defaultValue = "-",
            description = "File name reported for findings read from stdin (e.g. the chart path).")
    String stdinName;

    @Option(names = "--base-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Repository root: reported paths (SARIF URIs, JUnit, github) are relative to it.")
    Path baseDir;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Color the text format: auto (on a terminal, unless NO_COLOR is set), always, never.")
    String color;

    @Option(names = "--list-rules", description = "Print the rules (id, severity, name, title) and exit.")
    boolean listRules;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Exports (as for backtest): enables the evidence rules SW901-SW904 (starts Spark).")
    String data;

    @Option(names = "--results", paramLabel = "DIR",
            description = "The --out of a nightly backtest: evidence rules SW901, SW903 from its rows (starts Spark).")
    String results;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "With --data or --results: the last N whole days (default: ${DEFAULT-VALUE}).")
    int days;

    /** With --data: how the exports are read, as for the other commands that read them. */
    @picocli.CommandLine.Mixin
    ReadOptions read;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Static rules only; --data and --results replay or read results with Spark. */
    @Override
    public boolean sparkFree() {
        return data == null && results == null;
    }

    @Override
    public Integer call() {
        OptionChecks.of(spec)
                .exclusive("--data", "--results", "--data replays the exports, --results reads a backtest's rows")
                .onlyWith("--days", "--data", "--results").onlyWith("--step", "--data").onlyWith("--cost-tag", "--data")
                .onlyWith("--master", "--data", "--results").onlyWith("--conf", "--data", "--results");
        PrintWriter out = spec.commandLine().getOut();
        RuleRegistry registry = RuleRegistry.standard();
        if (listRules) {
            for (RuleMeta m : registry.all()) {
                out.printf("%-6s %-8s %-45s %s%n", m.id(), m.severity().id(), m.name(), m.title());
            }
            out.flush();
            return ExitCodes.OK;
        }
        Optional<Severity> threshold = Severity.threshold(failOn, "--fail-on");
        List<OutputTarget> targets = OutputTarget.parse(formats, Optional.ofNullable(output));
        KubeVersion kube = kubeVersion == null ? KubeVersion.DEFAULT : KubeVersion.parse(kubeVersion);
        Path cwd = Path.of("").toAbsolutePath();
        LintConfig cfg = new LintConfigLoader(registry).load(Optional.ofNullable(config), cwd);

        LintInputs inputs = LintInputs.read(paths.isEmpty() ? List.of(".") : paths, cfg.ignorePaths(), cwd, stdinName);
        LintContext ctx = new LintContext(inputs.docs(), cfg, kube,
                Optional.ofNullable(services).map(ServicesFile::load), PolicyReader::read);
        if (days < 1) {
            throw new UserError("--days must be at least 1, found " + days);
        }
        PrintWriter err = spec.commandLine().getErr();
        // Spark is touched only here, and only with --data: static lint loads no Spark class
        java.util.function.Consumer<String> note = n -> err.println("scalewise: note: " + n);
        Optional<EvidenceSource> evidence = data != null
                ? Optional.of(new ReplayEvidenceSource(sparkOptions.settings(), data, days, read.stepSeconds(),
                read.costTag, note))
                : results != null ? Optional.of(new ResultsEvidenceSource(sparkOptions.settings(), results, days, note))
                : Optional.empty();
        LintReport report = inputs.withRenderedFrom(new Linter(registry).run(ctx, inputs.sources(), evidence));
        err.flush();

        boolean colorOnStdout = useColor();
        for (OutputTarget t : targets) {
            ReportSettings settings = new ReportSettings(version(), baseDir, colorOnStdout && t.file().isEmpty());
            try {
                t.write(w -> t.format().reporter(settings).write(report, w), out);
            } catch (IOException | UncheckedIOException e) {
                throw new UserError("cannot write " + t.format().id() + " output"
                        + t.file().map(f -> " to " + f).orElse("") + ": " + e.getMessage());
            }
        }
        return threshold.isPresent() && report.failsAt(threshold.get()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && System.getenv("NO_COLOR") == null;
            default -> throw new UserError("--color: expected auto, always or never, found '" + color + "'");
        };
    }

    private static String version() {
        String v = LintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
