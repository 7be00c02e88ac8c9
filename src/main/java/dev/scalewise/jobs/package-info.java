/**
 * The Spark edge: the jobs ({@link dev.scalewise.jobs.AnalyzeJob}, {@link dev.scalewise.jobs.BacktestJob},
 * {@link dev.scalewise.jobs.RecommendJob}, {@link dev.scalewise.jobs.HistoryJob}), the shared "read,
 * align per service in executors, call the core" path ({@link dev.scalewise.jobs.ServicePipeline}), the
 * session, the policy files shipped to executors, and atomic partitioned output. The read path is
 * {@code jobs.ingest}, the mapping between core records and Spark rows {@code jobs.rows}. A job hands the
 * CLI typed core records (tables, totals, problems, recommendations, histories), never Spark rows; it
 * calls the pure-Java core inside executors and never collects the fleet on the driver. spark-submit
 * starts {@code cli.Main} (docs/decisions.md D7): the jobs have no entry point of their own.
 */
package dev.scalewise.jobs;
