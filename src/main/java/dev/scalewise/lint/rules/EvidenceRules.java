package dev.scalewise.lint.rules;

import dev.scalewise.lint.EvidenceRule;

import java.util.List;

/**
 * The built-in evidence rules (SW9xx, and a platform's own where it needs the service model, SW702): they run
 * when lint is given --data (or --results).
 */
public final class EvidenceRules {
    private EvidenceRules() {
    }

    public static List<EvidenceRule> all() {
        return List.of(new ReplayBreachesSlo(), new MaxBelowPeakNeed(), new ReplayIdleCost(), new ScaleUpTooSlow(),
                new CloudRunConcurrencyAboveSlo());
    }
}
