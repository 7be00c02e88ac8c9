/**
 * The picocli command line, kept thin: one class per command parses flags, calls the core or a job,
 * and renders. Commands that need no data (help, schema, lint of files, policy show) must not touch
 * Spark classes, so they answer in well under a second.
 */
package dev.scalewise.cli;
