/**
 * The data behind the HTML report's charts, per service: policies and recommendations replayed with
 * their timelines reduced to min/max per time bucket, daily cost, frontiers and the fitted latency
 * curve, as JSON for {@link dev.scalewise.report.html.HtmlReport}. Pure Java, above recommend and
 * backtest (it uses both) and below jobs: must not import Spark, jobs or cli.
 */
package dev.scalewise.charts;
