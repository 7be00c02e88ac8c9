package dev.scalewise;

/** The process exit codes every command uses (DESIGN §6; documented in docs/cli.md). */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Findings or SLO violations, when the command was asked to fail on them. */
    public static final int FINDINGS = 1;
    /** Usage or input error; the message names the file, line or column. */
    public static final int INPUT = 2;
    /** Unexpected internal error (a bug). */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
