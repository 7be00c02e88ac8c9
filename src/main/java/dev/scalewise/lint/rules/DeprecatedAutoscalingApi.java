package dev.scalewise.lint.rules;

import dev.scalewise.lint.Finding;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SW108: an API version deprecated or removed in the target Kubernetes release. Table from the
 * Kubernetes Deprecated API Migration Guide: autoscaling/v2beta1 HPA deprecated in 1.22 and no longer
 * served from 1.25, autoscaling/v2beta2 deprecated in 1.23 and gone from 1.26, policy/v1beta1
 * PodDisruptionBudget deprecated in 1.21 and gone from 1.25.
 */
final class DeprecatedAutoscalingApi extends AbstractRule {
    record Api(String apiVersion, String kind, KubeVersion deprecated, KubeVersion removed, String replacement) {
    }

    static final List<Api> TABLE = List.of(
            new Api("autoscaling/v2beta1", Kinds.HPA, new KubeVersion(1, 22), new KubeVersion(1, 25), "autoscaling/v2"),
            new Api("autoscaling/v2beta2", Kinds.HPA, new KubeVersion(1, 23), new KubeVersion(1, 26), "autoscaling/v2"),
            new Api("policy/v1beta1", Kinds.PDB, new KubeVersion(1, 21), new KubeVersion(1, 25), "policy/v1"));

    DeprecatedAutoscalingApi() {
        super(new RuleMeta("SW108", "deprecated-autoscaling-api", Severity.ERROR,
                "error when the target Kubernetes version no longer serves the API (the apply fails), warning when it"
                        + " only deprecates it",
                "Autoscaling API version deprecated or removed in the target Kubernetes version",
                "An API version that the cluster no longer serves makes the apply fail (\"no matches for kind\"),"
                        + " and a deprecated one will do so at the next upgrade. autoscaling/v2beta1 is not served from"
                        + " 1.25, autoscaling/v2beta2 from 1.26, policy/v1beta1 PodDisruptionBudget from 1.25. The"
                        + " finding is an error when the version given by --kube-version (default "
                        + KubeVersion.DEFAULT + ") no longer serves the API, a warning when it only deprecates it.",
                "Move to autoscaling/v2 (HPA) or policy/v1 (PDB); v2 renames targetAverageUtilization to"
                        + " target.averageUtilization (see the migration guide).",
                Set.of(Kinds.HPA, Kinds.PDB),
                List.of("https://kubernetes.io/docs/reference/using-api/deprecation-guide/")));
    }

    @Override
    public List<Finding> check(LintContext ctx) {
        List<Finding> out = new ArrayList<>();
        KubeVersion v = ctx.kubeVersion();
        for (Manifest m : ctx.manifests()) {
            for (Api api : TABLE) {
                if (!api.kind().equals(m.kind()) || !api.apiVersion().equals(m.apiVersion())) {
                    continue;
                }
                if (v.atLeast(api.removed())) {
                    out.add(finding(m, m.root().get("apiVersion"), Severity.ERROR, api.apiVersion() + " " + api.kind()
                            + " is not served by Kubernetes " + v + " (removed in " + api.removed() + "); use "
                            + api.replacement()));
                } else if (v.atLeast(api.deprecated())) {
                    out.add(finding(m, m.root().get("apiVersion"), Severity.WARNING, api.apiVersion() + " " + api.kind()
                            + " is deprecated in Kubernetes " + v + " and removed in " + api.removed() + "; use "
                            + api.replacement()));
                }
            }
        }
        return out;
    }
}
