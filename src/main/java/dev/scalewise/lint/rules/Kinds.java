package dev.scalewise.lint.rules;

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

    static boolean isKnativeService(dev.scalewise.lint.Manifest m) {
        return m.kind().equals("Service") && m.apiVersion().startsWith("serving.knative.dev/");
    }
}
