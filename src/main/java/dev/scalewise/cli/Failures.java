package dev.scalewise.cli;

import dev.scalewise.ExitCodes;
import dev.scalewise.UserError;
import dev.scalewise.jobs.ClusterFailure;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The one place that turns a failure into the exit code and the words the user sees (docs/cli.md, exit
 * codes): a command line picocli cannot parse and a {@link UserError} anywhere in the cause chain are
 * the user's to fix (exit 2, one line, no stack trace); a failure of the Spark cluster (jobs/ClusterFailure)
 * is reported as such (exit 3, one line); anything else is ours (exit 3, one line, the stack trace only
 * with --verbose). Every command, the spark-submit entry points and an {@link Error} escaping
 * picocli go through here.
 */
public final class Failures {
    private Failures() {
    }

    /** The exit code of a failure. */
    public static int exitCode(Throwable t) {
        if (t instanceof CommandLine.ParameterException) {
            return ExitCodes.INPUT;
        }
        // a failure of the cluster is not the user's input, even where a read wrapped it as such
        return ClusterFailure.of(t).isEmpty() && userError(t).isPresent() ? ExitCodes.INPUT : ExitCodes.INTERNAL;
    }

    /** The UserError a failure carries, however deep Spark or picocli wrapped it. */
    static Optional<UserError> userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserError u) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** Reports a failure on {@code err} and returns its exit code. */
    public static int report(Throwable t, PrintWriter err, boolean verbose) {
        Optional<UserError> user = userError(t);
        Optional<String> cluster = ClusterFailure.of(t);
        if (cluster.isPresent()) {
            // the cluster, not the input nor a bug: what failed, in one line (docs/cluster.md)
            err.println("scalewise: cluster: " + cluster.get());
        } else if (user.isPresent()) {
            // our own words: several problems of one input come one per line
            err.println("scalewise: " + user.get().getMessage());
        } else {
            err.println("scalewise: internal error: " + oneLine(String.valueOf(t)));
            if (verbose) {
                t.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace, and please report it)");
            }
        }
        err.flush();
        return exitCode(t);
    }

    /**
     * A command line that does not parse: the problem and where the options are listed, instead of the
     * whole usage text (which would bury the one line that matters).
     */
    static int reportUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("scalewise: " + oneLine(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
        }
        err.println("(see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return exitCode(e);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
