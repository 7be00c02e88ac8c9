package dev.scalewise.lint.rules;

import dev.scalewise.UserError;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.YamlError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SW003: an autoscaler the policy model refuses (a negative minReplicas, an API version its kind never
 * had, a field of the wrong type), reported where `policy show` and `backtest` would stop. The linter
 * drops it when a more specific error rule already reports the same object (SW101 for min above max).
 */
final class InvalidAutoscaler extends AbstractRule {
    static final String ID = "SW003";

    InvalidAutoscaler() {
        super(new RuleMeta(ID, "invalid-autoscaler", Severity.ERROR,
                "the API server, the controller or Scalewise's policy model rejects the object",
                "An autoscaler object the policy model refuses",
                "Scalewise reads every autoscaler it lints into its policy model, with the upstream defaults and"
                        + " validation (docs/policies.md). A value the upstream API rejects (minReplicas below 0, an"
                        + " apiVersion the kind was never served at, a string where a number belongs) makes the apply"
                        + " fail, and `policy show`, `backtest` and `recommend` stop at the same place.",
                "Fix the value the finding names; `scalewise policy show FILE` prints the object as the model reads it.",
                Set.of(Kinds.HPA, Kinds.SCALED_OBJECT, Kinds.INFERENCE_SERVICE, Kinds.KNATIVE_SERVICE, "RayService",
                        "ScheduledScaling", "PredictiveScaling"),
                List.of("https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/",
                        "https://keda.sh/docs/latest/reference/scaledobject-spec/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Manifest m : ctx.manifests()) {
            Optional<UserError> rejection = ctx.policyRejection(m);
            if (rejection.isEmpty() || rejection.get() instanceof YamlError y && y.isBeyondModel()) {
                continue; // valid where it is deployed, only not simulated by Scalewise
            }
            if (rejection.get() instanceof YamlError y) {
                out.add(new Finding(ID, meta().severity(), (y.path().isEmpty() ? "" : y.path() + ": ") + y.problem(),
                        y.location(), y.path(), m.ref()));
            } else {
                out.add(finding(m, m.root(), rejection.get().getMessage()));
            }
        }
        return out;
    }
}
