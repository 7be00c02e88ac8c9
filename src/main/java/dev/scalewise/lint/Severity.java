package dev.scalewise.lint;

import dev.scalewise.UserError;

import java.util.Locale;

/** How bad a finding is; ordered so that {@code atLeast} compares against {@code --fail-on}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses error|warning|info (case-insensitive); {@code what} names the flag or key for the error. */
    public static Severity parse(String text, String what) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new UserError(what + ": expected error, warning or info, found '" + text + "'");
    }
}
