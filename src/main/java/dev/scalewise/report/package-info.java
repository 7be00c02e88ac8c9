/**
 * Output renderers: one class per format (table, json, csv, markdown) behind {@link
 * dev.scalewise.report.Renderer}, over a generic {@link dev.scalewise.report.Table} of typed columns.
 * Used by analyze, backtest and recommend alike. Pure Java: must not import Spark, jobs or cli.
 */
package dev.scalewise.report;
