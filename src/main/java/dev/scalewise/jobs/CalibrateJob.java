package dev.scalewise.jobs;

import dev.scalewise.calibrate.Calibrator;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.jobs.rows.CalibrateRows;
import dev.scalewise.jobs.rows.RowTables;
import dev.scalewise.report.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per service (DESIGN §6 `calibrate`): the fitted model replaying the replicas the service ran, against what
 * was observed on the same minutes, and the trust verdict ({@link Calibrator}); one row per service
 * ({@link CalibrateRows#SCHEMA}, schemas/calibration.avsc), partitioned under --out by the last day of data.
 * Run by `scalewise calibrate`, in-process or under spark-submit (which starts the CLI's Main).
 */
public final class CalibrateJob {
    /** Rows of {@link CalibrateRows#SCHEMA} (lazy, persisted) and the data-quality report. */
    public record Result(Dataset<Row> rows, DataQualityReport quality) {
        /** Every column of every service, the model's entries included, by service. */
        public List<Map<String, Object>> columns() {
            return collect().stream().map(RowTables::columns).toList();
        }

        /** Every column but the model's entries, by service: the table the CLI renders. */
        public Table table() {
            return RowTables.of(CalibrateRows.SUMMARY, collect().stream().map(CalibrateRows::summary).toList());
        }

        /** Stages the rows for OUT's next commit, one Parquet partition per day; returns the partitions staged. */
        public List<String> stage(OutputDir out) {
            return PartitionedParquet.stage(out, "", rows, "date");
        }

        private List<Row> collect() {
            return rows.orderBy("service").collectAsList();
        }
    }

    private CalibrateJob() {
    }

    /** The same request as analyze's: the data, the range, the step and services.yaml. */
    public static Result run(SparkSessions.Handle session, AnalyzeJob.Request request) {
        SparkSession spark = session.spark();
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        HashMap<String, ServiceTerms> services = ServiceTerms.of(request.services());
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, CalibrateRows.SCHEMA,
                h -> CalibrateRows.rows(h, ServiceTerms.specOf(services, h.service())));
        return new Result(r.rows(), ServicePipeline.defaultSloNote(r.quality(), r.rows(), request.services().keySet()));
    }
}
