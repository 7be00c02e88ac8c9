package dev.scalewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress lines on stderr whenever stderr is a terminal (a person watches it), even with stdout
 * redirected to a file; quiet when stderr is piped or redirected too.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean on = stderrIsTerminal();

    Progress(PrintWriter err) {
        this.err = err;
    }

    void say(String what) {
        if (on) {
            err.println("scalewise: " + what + "...");
            err.flush();
        }
    }

    /**
     * Java has no isatty for stderr: on Linux its descriptor links to /dev/pts/N or /dev/ttyN when it is
     * a terminal; elsewhere, a console attached to the process stands in for it.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
