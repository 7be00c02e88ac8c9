package dev.scalewise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The criteria a fitted relation to load meets for HIGH confidence (docs/replay.md, "Confidence"): enough
 * points, enough spread of load among them (a relation fitted over a narrow band says little about the
 * loads a replay visits), and a fit that explains the data. A relation failing any is LOW, its note
 * naming what failed.
 *
 * @param points    observations it rests on
 * @param explained share of the observations' variance the fit explains (r²)
 * @param spread    (p95 - p5) / p95 of the load among the points
 */
record FitQuality(long points, double explained, double spread) {
    static final int HIGH_POINTS = 30;
    static final double HIGH_EXPLAINED = 0.5;
    static final double HIGH_SPREAD = 0.25;

    /** (p95 - p5) / p95 of the first {@code m} loads; 0 without spread. */
    static double spread(double[] x, int m) {
        if (m == 0) {
            return 0;
        }
        double[] s = Arrays.copyOf(x, m);
        Arrays.sort(s);
        double hi = s[(int) Math.floor(0.95 * (m - 1))];
        double lo = s[(int) Math.ceil(0.05 * (m - 1))];
        return hi > 0 ? (hi - lo) / hi : 0;
    }

    /** What keeps the fit from HIGH, with {@code more} (relation-specific criteria that failed). */
    List<String> shortfalls(List<String> more) {
        List<String> out = new ArrayList<>();
        if (points < HIGH_POINTS) {
            out.add(String.format(Locale.ROOT, "%d points (HIGH needs %d)", points, HIGH_POINTS));
        }
        if (!(explained >= HIGH_EXPLAINED)) {
            out.add(String.format(Locale.ROOT, "r² %.2f (HIGH needs %.1f)", explained, HIGH_EXPLAINED));
        }
        if (spread < HIGH_SPREAD) {
            out.add(String.format(Locale.ROOT, "load spread %.0f%% (HIGH needs %.0f%%)", spread * 100, HIGH_SPREAD * 100));
        }
        out.addAll(more);
        return out;
    }

    Confidence confidence(List<String> more) {
        return shortfalls(more).isEmpty() ? Confidence.HIGH : Confidence.LOW;
    }

    /** "over 528 steps, r² = 0.87, load spread 62%" plus "; low: ..." when a criterion fails. */
    String describe(List<String> more) {
        String base = String.format(Locale.ROOT, "over %d steps, r² = %.2f, load spread %.0f%%", points, explained,
                spread * 100);
        List<String> failed = shortfalls(more);
        return failed.isEmpty() ? base : base + "; low: " + String.join(", ", failed);
    }
}
