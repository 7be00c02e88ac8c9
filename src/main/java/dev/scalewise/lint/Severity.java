package dev.scalewise.lint;

import dev.scalewise.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
        return find(text).orElseThrow(() -> new UserError(what + ": expected error, warning or info, found '" + text + "'"));
    }

    /** A failure threshold (lint's --fail-on): error|warning|info, or never (empty: nothing fails the run). */
    public static Optional<Severity> threshold(String text, String what) {
        if (text.trim().equalsIgnoreCase("never")) {
            return Optional.empty();
        }
        return Optional.of(find(text).orElseThrow(() -> new UserError(what
                + ": expected error, warning, info or never, found '" + text + "'")));
    }

    private static Optional<Severity> find(String text) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.trim())).findFirst();
    }
}
