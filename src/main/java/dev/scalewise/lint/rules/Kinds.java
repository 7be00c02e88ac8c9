package dev.scalewise.lint.rules;

import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.Manifest;

import java.util.List;

/** Kind names the rules scope on. */
final class Kinds {
    static final String HPA = "HorizontalPodAutoscaler";
    static final String SCALED_OBJECT = "ScaledObject";
    static final String INFERENCE_SERVICE = "InferenceService";
    static final String PDB = "PodDisruptionBudget";
    static final String VPA = "VerticalPodAutoscaler";
    /** Knative Serving's Service, told apart from the core Service by its API group. */
    static final String KNATIVE_SERVICE = "serving.knative.dev/Service";

    private Kinds() {
    }

    /** Knative Services of the run (core Services share the kind name). */
    static List<Manifest> knativeServices(LintContext ctx) {
        return ctx.ofKind("Service").stream().filter(m -> m.apiVersion().startsWith("serving.knative.dev/")).toList();
    }
}
