package dev.scalewise.cli;

import picocli.CommandLine.Option;

/** How the exports are read, for every command that reads them (picocli mixin, part of {@link DataOptions}). */
final class ReadOptions {
    @Option(names = "--step", paramLabel = "DURATION", defaultValue = "60s",
            description = "Analysis step, whole minutes: 60s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String step;

    @Option(names = "--cost-tag", paramLabel = "KEY", defaultValue = "service",
            description = "Billing tag that names the service (default: ${DEFAULT-VALUE}).")
    String costTag;

    int stepSeconds() {
        return OptionValues.stepSeconds(step);
    }
}
