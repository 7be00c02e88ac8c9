package dev.scalewise.yaml;

import dev.scalewise.UserError;

/** A user's YAML is unreadable or invalid at a known place. Message: "file:line:col: path: problem". */
public final class YamlError extends UserError {
    private final SourceLocation location;
    private final String path;
    private final String problem;
    private final boolean beyondModel;

    public YamlError(SourceLocation location, String path, String problem) {
        this(location, path, problem, false);
    }

    private YamlError(SourceLocation location, String path, String problem, boolean beyondModel) {
        super(location + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.location = location;
        this.path = path;
        this.problem = problem;
        this.beyondModel = beyondModel;
    }

    /**
     * Input that may be valid where it is deployed but that Scalewise cannot model (a metric it cannot
     * simulate, autoscaling/v1): the commands that replay it stop, lint does not call it invalid.
     */
    public static YamlError beyondModel(SourceLocation location, String path, String problem) {
        return new YamlError(location, path, problem, true);
    }

    public boolean isBeyondModel() {
        return beyondModel;
    }

    /** What is wrong, without the location and path. */
    public String problem() {
        return problem;
    }

    public SourceLocation location() {
        return location;
    }

    public String path() {
        return path;
    }
}
