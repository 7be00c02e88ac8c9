package dev.scalewise.lint.rules;

import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;

import java.util.List;
import java.util.Map;

/** PodDisruptionBudgets that select a workload's pods. */
final class Pdbs {
    private Pdbs() {
    }

    static List<Manifest> selecting(LintContext ctx, Manifest workload) {
        Map<String, String> labels = PodTemplates.podLabels(workload);
        return ctx.ofKind(Kinds.PDB).stream()
                .filter(p -> p.sameNamespace(workload.namespace()))
                .filter(p -> PodTemplates.selects(p.spec().get("selector"), labels))
                .toList();
    }
}
