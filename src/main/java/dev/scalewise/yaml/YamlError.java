package dev.scalewise.yaml;

import dev.scalewise.UserError;
import dev.scalewise.policy.SourceLocation;

/** A user's YAML is unreadable or invalid at a known place. Message: "file:line:col: path: problem". */
public final class YamlError extends UserError {
    private final SourceLocation location;
    private final String path;

    public YamlError(SourceLocation location, String path, String problem) {
        super(location + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.location = location;
        this.path = path;
    }

    public SourceLocation location() {
        return location;
    }

    public String path() {
        return path;
    }
}
