package dev.scalewise.jobs.output;

import dev.scalewise.UserError;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Checks an --out location before any work, so a run that could not write its results fails in a second
 * with one line instead of after the whole computation: it must not be (or lead through) a file, must
 * lie outside the input it is computed from (a run would otherwise replace part of its own input), and
 * must be writable (checked by creating and removing a probe file; directories created for the probe are
 * removed again, so a run that fails later leaves nothing behind).
 */
public final class OutputLocation {
    /** Inside OutputDir's state directory, which the next run clears even if this one is killed mid-probe. */
    static final String PROBE = OutputDir.STATE + "/write-probe";

    private OutputLocation() {
    }

    public static void check(Configuration conf, String out, String input) {
        try {
            Path outPath = new Path(out);
            FileSystem fs = outPath.getFileSystem(conf);
            Path target = fs.makeQualified(outPath);
            Path in = new Path(input);
            Path source = in.getFileSystem(conf).makeQualified(in);
            if (contains(real(source), real(target))) {
                throw new UserError("--out " + out + (contains(real(target), real(source)) ? " is" : " is inside")
                        + " --data " + input + ": a run would replace part of its own input; choose a directory outside it");
            }
            Optional<FileStatus> st = status(fs, target);
            if (st.isPresent() && !st.get().isDirectory()) {
                throw new UserError("--out " + out + " is a file, not a directory");
            }
            Path existing = target;
            Path created = null;
            while (status(fs, existing).isEmpty()) {
                created = existing;
                existing = existing.getParent();
            }
            if (!status(fs, existing).orElseThrow().isDirectory()) {
                throw new UserError("--out " + out + ": " + existing + " is a file, not a directory");
            }
            probe(fs, target, created, out);
        } catch (IOException e) {
            throw new UserError("--out " + out + ": cannot check the location: " + e.getMessage(), e);
        }
    }

    private static void probe(FileSystem fs, Path target, Path created, String out) throws IOException {
        try {
            if (!fs.mkdirs(target)) {
                throw new IOException("cannot create the directory");
            }
            fs.create(new Path(target, PROBE), true).close();
            fs.delete(new Path(target, PROBE), false); // the state directory is OutputDir's to clear
        } catch (IOException e) {
            throw new UserError("--out " + out + " is not writable: " + e.getMessage());
        } finally {
            if (created != null && status(fs, created).isPresent()) {
                fs.delete(created, true);
            }
        }
    }

    private static Optional<FileStatus> status(FileSystem fs, Path p) throws IOException {
        try {
            return Optional.of(fs.getFileStatus(p));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    /** A local path with its symbolic links resolved (as far as it exists), so a link into the input is seen. */
    private static URI real(Path p) {
        URI uri = p.toUri();
        if (!"file".equals(uri.getScheme())) {
            return uri;
        }
        java.nio.file.Path local = java.nio.file.Path.of(uri).normalize();
        java.nio.file.Path rest = local.getRoot().relativize(local.getRoot());
        while (local.getParent() != null && !Files.exists(local)) {
            rest = local.getFileName().resolve(rest);
            local = local.getParent();
        }
        try {
            return local.toRealPath().resolve(rest).normalize().toUri();
        } catch (IOException e) {
            return uri;
        }
    }

    /** True when {@code inner} is {@code outer} or below it. */
    static boolean contains(URI outer, URI inner) {
        String o = outer.toString().replaceAll("/+$", "");
        String i = inner.toString().replaceAll("/+$", "");
        return i.equals(o) || i.startsWith(o + "/");
    }
}
