package dev.scalewise.lint;

import java.util.List;

/**
 * A rule backed by replayed metrics ({@code lint --data DIR} or {@code --results DIR}): it receives,
 * for every policy of the run, the outcomes of replaying that policy over the last days, and reports
 * findings that quote them (breach minutes and days, idle cost, peak replicas needed, ramp time).
 * The replay itself happens outside lint, behind {@link EvidenceSource}, so lint stays Spark-free.
 */
public interface EvidenceRule {
    RuleMeta meta();

    List<Finding> check(LintContext context, List<PolicyEvidence> evidence);
}
