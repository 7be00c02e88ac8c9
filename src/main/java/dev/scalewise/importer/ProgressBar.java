package dev.scalewise.importer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress bar on stderr ({@code [#####-----] 12/56 days x queries  2026-10-07 requests}),
 * redrawn in place at most every 100 ms. It looks at stderr itself, not at {@link System#console()}
 * (which is null as soon as stdout is redirected), so {@code import ... > summary.txt} still shows it;
 * when stderr is not a terminal it stays silent unless forced on.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean on;
    private long total;
    private long done;
    private long lastDraw;
    private int lastLength;

    public ProgressBar(PrintWriter err, boolean on) {
        this.err = err;
        this.on = on;
    }

    /** "auto": on when stderr is a terminal (Linux: /proc/self/fd/2 points at a tty), else off. */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    public synchronized void start(long units) {
        total = units;
        done = 0;
        draw("", true);
    }

    public synchronized void advance(long units, String what) {
        done += units;
        draw(what, done >= total);
    }

    private void draw(String what, boolean force) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d days x queries  %s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, total, what);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (on && lastLength > 0) {
            err.println();
            err.flush();
        }
    }
}
