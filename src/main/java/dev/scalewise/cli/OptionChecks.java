package dev.scalewise.cli;

import dev.scalewise.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.util.Arrays;

/**
 * Combinations of options that cannot all be honoured: refused before any work instead of one of them
 * being silently ignored. Only options the user typed count (defaults never conflict).
 */
final class OptionChecks {
    private final ParseResult parsed;

    private OptionChecks(ParseResult parsed) {
        this.parsed = parsed;
    }

    static OptionChecks of(CommandSpec spec) {
        return new OptionChecks(spec.commandLine().getParseResult());
    }

    boolean given(String option) {
        return parsed.hasMatchedOption(option);
    }

    /** Refuses {@code a} together with {@code b}; {@code why} says what each does. */
    OptionChecks exclusive(String a, String b, String why) {
        if (given(a) && given(b)) {
            throw new UserError(a + " and " + b + " cannot be used together: " + why);
        }
        return this;
    }

    /** Refuses {@code option} when none of {@code enablers} is given (it would have no effect). */
    OptionChecks onlyWith(String option, String... enablers) {
        if (given(option) && Arrays.stream(enablers).noneMatch(this::given)) {
            throw new UserError(option + " applies only with " + String.join(" or ", enablers)
                    + "; without it, it would be ignored");
        }
        return this;
    }
}
