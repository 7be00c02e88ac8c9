package dev.scalewise.lint.format;

import dev.scalewise.UserError;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One requested output: a format and where it goes (a file, or stdout when empty). Parsed from
 * {@code --format FORMAT[=FILE]}; a plain {@code --output FILE} applies to the one format given without
 * a file. At most one format may go to stdout, so outputs never interleave.
 */
public record OutputTarget(OutputFormat format, Optional<Path> file) {
    public static List<OutputTarget> parse(List<String> formats, Optional<String> output) {
        List<String> specs = formats.isEmpty() ? List.of("text") : formats;
        List<OutputTarget> out = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            OutputFormat f = OutputFormat.parse(eq < 0 ? spec : spec.substring(0, eq));
            if (eq >= 0 && spec.substring(eq + 1).isBlank()) {
                throw new UserError("--format " + spec + ": expected FORMAT=FILE with a file name after '='");
            }
            out.add(new OutputTarget(f, eq < 0 ? Optional.empty() : Optional.of(Path.of(spec.substring(eq + 1)))));
        }
        List<Integer> toStdout = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).file().isEmpty()) {
                toStdout.add(i);
            }
        }
        if (output.isPresent()) {
            if (toStdout.size() != 1) {
                throw new UserError("--output " + output.get() + ": applies to exactly one --format given without"
                        + " '=FILE'; found " + toStdout.size() + " (use --format FORMAT=FILE for each format)");
            }
            int i = toStdout.get(0);
            out.set(i, new OutputTarget(out.get(i).format(), Optional.of(Path.of(output.get()))));
        } else if (toStdout.size() > 1) {
            throw new UserError("--format: " + toStdout.size() + " formats would all go to stdout; give all but one"
                    + " a file with --format FORMAT=FILE");
        }
        return out;
    }

    /**
     * Renders to the file (written to a temporary sibling, then renamed, so a CI step never uploads a
     * half-written report) or to {@code stdout}.
     */
    public void write(ReportWriter body, PrintWriter stdout) throws IOException {
        if (file.isEmpty()) {
            body.writeTo(stdout);
            stdout.flush();
            return;
        }
        Path target = file.get().toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("--format " + format.id() + "=" + file.get() + ": directory " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The rendering step, so that I/O errors surface from one place. */
    @FunctionalInterface
    public interface ReportWriter {
        void writeTo(Writer out) throws IOException;
    }
}
