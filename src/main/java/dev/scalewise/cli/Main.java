package dev.scalewise.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.LocalDate;
import java.util.List;

/** Entry point of cli/scalewise and of spark-submit ({@code --class dev.scalewise.cli.Main JOB ARGS}). */
@Command(name = "scalewise",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Backtests and recommends autoscaling policies for model-inference services.",
        footer = {"", "Exit codes (every command): 0 ok, 1 lint findings at or above --fail-on,",
                "2 usage or input error, 3 internal or cluster error (docs/cli.md).",
                "Docs: docs/cli.md. Run 'scalewise COMMAND --help' for a command's options and examples."},
        subcommands = {
                SchemaCommand.class,
                SampleDataCommand.class,
                ImportCommand.class,
                AnalyzeCommand.class,
                ReplayCommand.class,
                BacktestCommand.class,
                RecommendCommand.class,
                ReportCommand.class,
                CalibrateCommand.class,
                PolicyCommand.class,
                LintCommand.class,
                AutoComplete.GenerateCompletion.class,
        })
public final class Main implements Runnable, SparkFree {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error still gets the one-line report
            return Failures.report(e, cl.getErr(), List.of(args).contains("--verbose"));
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.registerConverter(LocalDate.class, OptionValues::date);
        cl.setParameterExceptionHandler(Failures::reportUsage);
        cl.setExecutionExceptionHandler((e, line, parsed) ->
                Failures.report(e, line.getErr(), parsed.originalArgs().contains("--verbose")));
        cl.setExitCodeExceptionMapper(Failures::exitCode);
        CommandLine.Model.CommandSpec completion = cl.getSubcommands().get("generate-completion").getCommandSpec();
        completion.usageMessage().hidden(false);
        completion.helpCommand(false); // as a "help command" picocli would accept any option and exit 0
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
