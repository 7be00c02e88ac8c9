package dev.scalewise.yaml;

/** Where a YAML node sits: file (or "-" for stdin), 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation unknown(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
