package dev.scalewise.cli;

import dev.scalewise.importer.ProgressBar;

import java.io.PrintWriter;

/**
 * Progress lines on stderr whenever stderr is a terminal (a person watches it), even with stdout
 * redirected to a file; quiet when stderr is piped or redirected too.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean on = ProgressBar.stderrIsTerminal();

    Progress(PrintWriter err) {
        this.err = err;
    }

    void say(String what) {
        if (on) {
            err.println("scalewise: " + what + "...");
            err.flush();
        }
    }
}
