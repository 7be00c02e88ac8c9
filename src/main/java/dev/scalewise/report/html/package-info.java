/**
 * The HTML report: one self-contained page (resources next to these classes: template, style, and the
 * script that draws the charts as SVG) filled with the fleet's rows and each service's pane. Renders
 * only; what it shows is computed in {@link dev.scalewise.charts}. Pure Java: must not import Spark,
 * jobs or cli.
 */
package dev.scalewise.report.html;
