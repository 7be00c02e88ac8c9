package dev.scalewise.cli;

import dev.scalewise.UserError;
import dev.scalewise.jobs.RecommendJob;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The recommendation search's options, shared by recommend and report (picocli mixin). */
final class SearchOptions {
    @Option(names = "--objective", paramLabel = "OBJ", defaultValue = "cost",
            description = "cost (lowest cost within the error budget: breach minutes may rise), balanced "
                    + "(within half of it) or no-worse (within it, and never more breach minutes than the current "
                    + "policy on train or holdout); default: ${DEFAULT-VALUE}.")
    String objective;

    @Option(names = "--holdout", paramLabel = "SHARE", defaultValue = "0.25",
            description = "Share of the history held out at its end, e.g. 25%% or 0.25 (default: 25%%).")
    String holdout;

    @Option(names = "--min-floor", paramLabel = "N",
            description = "Lowest minReplicas allowed (default: 2 for latency-critical services).")
    Integer minFloor;

    @Option(names = "--max-cap", paramLabel = "N", description = "Highest maxReplicas allowed (budget or quota).")
    Integer maxCap;

    @Option(names = "--max-change", paramLabel = "SHARE", description = "No knob moves more than this, e.g. 50%% (default: no limit).")
    String maxChange;

    @Option(names = "--screen-days", paramLabel = "DAYS", defaultValue = "7",
            description = "Search on the training period's last DAYS days and replay only the winner over all of it, "
                    + "when the period holds at least twice as many; 0 searches the whole period (slower; default: "
                    + "${DEFAULT-VALUE}, a week).")
    int screenDays;

    RecommendJob.Options options() {
        if (screenDays < 0) {
            throw new UserError("--screen-days: expected 0 or more days, found " + screenDays);
        }
        return new RecommendJob.Options(objective(objective), share("--holdout", holdout), minFloor, maxCap,
                maxChange == null ? null : share("--max-change", maxChange)).withScreenDays(screenDays);
    }

    static String objective(String text) {
        String o = text.toUpperCase(Locale.ROOT).replace('-', '_');
        if (!o.equals("COST") && !o.equals("BALANCED") && !o.equals("NO_WORSE")) {
            throw new UserError("--objective: expected cost, balanced or no-worse, found '" + text + "'");
        }
        return o;
    }

    /** "25%" or "0.25" as 0.25. */
    static double share(String option, String text) {
        String t = text.trim();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
            if (v >= 0 && v < 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserError(option + ": expected a share such as 25% or 0.25 (0 to under 100 %), found '" + text + "'");
    }
}
