package dev.scalewise.policy;

import dev.scalewise.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where services.yaml's load-test files are read from: the disk on the machine that reads services.yaml, or
 * the bytes a Spark job shipped to its executors. Paths are relative to the services file's directory.
 */
@FunctionalInterface
public interface LoadTestFiles {
    /** Load-test outputs are summaries, never large: a bigger file is not one. */
    int MAX_BYTES = 16 * 1024 * 1024;

    LoadTestFiles DISK = path -> {
        try {
            Path p = Path.of(path);
            if (Files.size(p) > MAX_BYTES) {
                throw new UserError(path + ": " + Files.size(p) + " bytes; a load-test summary has at most " + MAX_BYTES);
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UserError("cannot read the load-test file " + path + ": " + e.getMessage());
        }
    };

    /** The file's bytes; a {@link UserError} naming it when it cannot be read. */
    byte[] read(String path);

    /** {@code file} as written in {@code yamlSource} (a path, or "-" for stdin): relative to its directory. */
    static String resolve(String yamlSource, String file) {
        Path f = Path.of(file);
        if (f.isAbsolute() || yamlSource.equals("-") || yamlSource.isEmpty()) {
            return f.toString();
        }
        Path dir = Path.of(yamlSource).getParent();
        return dir == null ? f.toString() : dir.resolve(f).normalize().toString();
    }
}
