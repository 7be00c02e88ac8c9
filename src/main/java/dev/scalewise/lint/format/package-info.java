/**
 * Output formats of {@code scalewise lint}: text (grouped by file, colored on a terminal), json, SARIF
 * 2.1.0 (GitHub code scanning), JUnit XML (GitLab, Jenkins) and GitHub workflow commands. Each format is
 * one {@link dev.scalewise.lint.format.Reporter} over the same {@link dev.scalewise.lint.LintReport}.
 * Depends on the lint model and Jackson only; never imports Spark or {@code cli}.
 */
package dev.scalewise.lint.format;
