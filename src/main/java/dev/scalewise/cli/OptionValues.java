package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.report.Format;

import picocli.CommandLine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the option values several commands share, with the same words in every error. */
final class OptionValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)?");

    private OptionValues() {
    }

    /** "60s", "5m", "1h" or plain seconds, as seconds. */
    static long seconds(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserError(option + ": expected a duration like 60s, 5m or 1h, found '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return n * switch (m.group(2) == null ? "s" : m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            default -> 1;
        };
    }

    /** An analysis step: whole minutes, at most a day (the SLO is judged per minute). */
    static int stepSeconds(String text) {
        long seconds = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT)).matches() ? seconds("--step", text) : -1;
        if (seconds <= 0 || seconds % 60 != 0 || seconds > 86_400) {
            throw new UserError("--step: expected whole minutes up to a day, like 60s, 5m or 1h; found '" + text + "'");
        }
        return (int) seconds;
    }

    /** A UTC day as yyyy-MM-dd (picocli converter: the message names what was expected and found). */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("expected a date like 2026-01-05 (yyyy-MM-dd), found '"
                    + text + "'");
        }
    }

    static Format format(String text) {
        try {
            return Format.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("--format: expected table, json, csv or markdown; found '" + text + "'");
        }
    }
}
