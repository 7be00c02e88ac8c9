package dev.scalewise.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * A command that runs without Spark's jars. cli/scalewise starts such commands on a classpath without
 * Spark (target/classpath-static.txt), so they answer in well under a second (docs/decisions.md D21); every
 * other command gets Spark's jars. A command that does not implement this needs Spark: a new command is
 * slow rather than broken until it says otherwise. LauncherChoiceTest holds the launcher's own rule to
 * {@link #needsSpark} for every subcommand and option.
 */
interface SparkFree {
    /** Whether this command, with the options it was given, runs without Spark's jars. */
    default boolean sparkFree() {
        return true;
    }

    /**
     * Whether {@code scalewise ARGS} needs Spark's jars on the classpath. Help and version requests never
     * do; a command line that does not parse needs none to say so.
     */
    static boolean needsSpark(String... args) {
        ParseResult parsed;
        try {
            parsed = Main.commandLine().parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        ParseResult last = parsed;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return false;
            }
            last = p;
        }
        Object command = last.commandSpec().userObject();
        if (command instanceof AutoComplete.GenerateCompletion) {
            return false;
        }
        return !(command instanceof SparkFree free && free.sparkFree());
    }
}
