package dev.scalewise.lint.format;

import dev.scalewise.UserError;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** The formats of {@code --format}. */
public enum OutputFormat {
    TEXT(TextReporter::new),
    JSON(JsonReporter::new),
    SARIF(SarifReporter::new),
    JUNIT(JunitReporter::new),
    GITHUB(GithubReporter::new);

    private final Function<ReportSettings, Reporter> factory;

    OutputFormat(Function<ReportSettings, Reporter> factory) {
        this.factory = factory;
    }

    public Reporter reporter(ReportSettings settings) {
        return factory.apply(settings);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutputFormat parse(String text) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow(() -> new UserError("--format: unknown format '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(OutputFormat::id).toList()));
    }
}
