package dev.scalewise.lint.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * What the reporters need besides the report.
 *
 * @param toolVersion scalewise's version, for SARIF's tool.driver
 * @param baseDir     the repository root: SARIF and JUnit paths are made relative to it
 * @param color       ANSI colors in the text format
 */
public record ReportSettings(String toolVersion, Path baseDir, boolean color) {
    /** The path of a source relative to {@link #baseDir} with forward slashes, or as given when outside it. */
    public String relativePath(String source) {
        if (source.equals("-")) {
            return source;
        }
        Path abs = Path.of(source).toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : Path.of(source).normalize();
        return shown.toString().replace('\\', '/');
    }

    /** {@link #relativePath} as a URI reference (spaces and other reserved characters escaped). */
    public String relativeUri(String source) {
        try {
            return new URI(null, null, relativePath(source), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot express " + source + " as a URI", e);
        }
    }
}
