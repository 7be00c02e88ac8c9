/**
 * Safe, location-aware YAML reading shared by the policy loaders and the lint rules: SnakeYAML node
 * trees (never constructed objects, so no arbitrary types), with alias, nesting and size limits, and a
 * small navigation wrapper whose every value knows its file:line:column and its path
 * ({@code spec.behavior.scaleDown.policies[1].value}). The bottom of the house: it imports nothing from
 * Scalewise but {@code UserError}.
 */
package dev.scalewise.yaml;
