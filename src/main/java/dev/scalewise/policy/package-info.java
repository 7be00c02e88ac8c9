/**
 * The policy model and its loaders: immutable records for each autoscaler family (HPA, KEDA, Knative
 * KPA, Ray Serve, and Scalewise's scheduled and predictive kinds), readers that turn real manifests
 * into them with every upstream default filled in and recorded, validation with file:line:column,
 * services.yaml, the metric-to-signal mapping, and the one-sentence explainer. Pure Java: it imports
 * only {@code dev.scalewise.yaml} and {@code dev.scalewise.UserError} — never Spark, {@code sim},
 * {@code jobs} or {@code cli}.
 */
package dev.scalewise.policy;
