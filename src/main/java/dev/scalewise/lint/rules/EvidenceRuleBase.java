package dev.scalewise.lint.rules;

import dev.scalewise.Numbers;
import dev.scalewise.lint.EvidenceRule;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.PolicyEvidence;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.sim.Outcome;
import dev.scalewise.yaml.YNode;

import java.util.List;
import java.util.Locale;

/** Holds an evidence rule's metadata, builds its findings, and sums a policy's replayed days. */
abstract class EvidenceRuleBase implements EvidenceRule {
    private final RuleMeta meta;

    EvidenceRuleBase(RuleMeta meta) {
        this.meta = meta;
    }

    @Override
    public final RuleMeta meta() {
        return meta;
    }

    /** A finding at {@code at} when it is written, else at the object's {@code spec:} key. */
    Finding finding(Manifest m, YNode at, String message) {
        return at.isPresent() ? new Finding(meta.id(), meta.severity(), message, at.location(), at.path(), m.ref())
                : atSpec(m, message);
    }

    /** A finding about the policy as a whole, at its {@code spec:} key. */
    Finding atSpec(Manifest m, String message) {
        return new Finding(meta.id(), meta.severity(), message, m.root().keyLocation("spec"), "spec", m.ref());
    }

    /** The node holding maxReplicas (or its spelling in the manifest's kind), possibly missing. */
    static YNode maxReplicasNode(Manifest m) {
        return switch (m.kind()) {
            case Kinds.SCALED_OBJECT -> m.spec().get("maxReplicaCount");
            case Kinds.INFERENCE_SERVICE -> m.spec().get("predictor").get("maxReplicas");
            case Kinds.HPA -> m.spec().get("maxReplicas");
            default -> m.spec().get("maxReplicas"); // Knative annotations, Ray: missing, so the spec key
        };
    }

    /** Breach minutes history confirms (a breach resting on a bounded capacity is no finding: docs/replay.md). */
    static long breachMinutes(PolicyEvidence e) {
        return e.daily().stream().mapToLong(Outcome::identifiedBreachMinutes).sum();
    }

    /** Breach minutes that rest on load history never showed, on top of {@link #breachMinutes}. */
    static long unidentifiedBreachMinutes(PolicyEvidence e) {
        return e.daily().stream().mapToLong(Outcome::unidentifiedBreachMinutes).sum();
    }

    static long sloMinutes(PolicyEvidence e) {
        return e.daily().stream().mapToLong(Outcome::sloMinutes).sum();
    }

    static double cost(PolicyEvidence e) {
        return e.daily().stream().mapToDouble(Outcome::cost).sum();
    }

    static String days(PolicyEvidence e) {
        return e.daily().size() + " day" + (e.daily().size() == 1 ? "" : "s");
    }

    static List<String> references() {
        return List.of("docs/replay.md");
    }
}
