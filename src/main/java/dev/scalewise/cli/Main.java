package dev.scalewise.cli;

import dev.scalewise.ExitCodes;
import dev.scalewise.UserError;
import dev.scalewise.jobs.ClusterFailure;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;

/** Entry point of cli/scalewise and of spark-submit runs of the jar without a job class. */
@Command(name = "scalewise",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Backtests and recommends autoscaling policies for model-inference services.",
        footer = {"", "Exit codes: 0 ok, 1 findings/SLO violations (when asked to fail on them),",
                "2 usage or input error, 3 internal or cluster error.",
                "Docs: docs/cli.md. Run 'scalewise COMMAND --help' for a command's options and examples."},
        subcommands = {
                SchemaCommand.class,
                SampleDataCommand.class,
                ImportCommand.class,
                AnalyzeCommand.class,
                ReplayCommand.class,
                BacktestCommand.class,
                RecommendCommand.class,
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

    /** A job's spark-submit entry point: {@code scalewise COMMAND ARGS}, exiting with its code. */
    public static void submit(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        System.exit(run(all));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code (used by tests). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler; an Error still gets a one-line report
            cl.getErr().println("scalewise: internal error: " + e);
            if (List.of(args).contains("--verbose")) {
                e.printStackTrace(cl.getErr());
            }
            cl.getErr().flush();
            return ExitCodes.INTERNAL;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.INPUT);
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cl;
    }

    private static int handleException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Optional<String> cluster = ClusterFailure.of(e); // before UserError: a stopped cluster fails reads too
        if (cluster.isPresent()) {
            cl.getErr().println("scalewise: cluster: " + cluster.get());
            return ExitCodes.INTERNAL;
        }
        Throwable cause = e;
        while (cause != null && !(cause instanceof UserError)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            cl.getErr().println("scalewise: " + cause.getMessage());
            return ExitCodes.INPUT;
        }
        boolean verbose = parsed.originalArgs().contains("--verbose");
        cl.getErr().println("scalewise: internal error: " + e);
        if (verbose) {
            e.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("(run again with --verbose for the stack trace, and please report it)");
        }
        return ExitCodes.INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
