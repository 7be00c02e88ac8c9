package dev.scalewise.lint;

import java.util.List;

/**
 * Supplies replay evidence for the policies of a run: implemented outside lint by the replay engine
 * (over {@code --data}) or by a reader of a nightly backtest's results ({@code --results}).
 */
@FunctionalInterface
public interface EvidenceSource {
    List<PolicyEvidence> evidence(LintContext context);
}
