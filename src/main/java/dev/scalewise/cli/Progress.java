package dev.scalewise.cli;

import java.io.PrintWriter;

/** Progress lines on stderr, only when a person watches (a console is attached); quiet when piped. */
final class Progress {
    private final PrintWriter err;
    private final boolean on = System.console() != null;

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
