package dev.scalewise.jobs;

import dev.scalewise.data.DataQualityReport;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.jobs.rows.AnalyzeRows;
import dev.scalewise.jobs.rows.RowTables;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.report.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The as-run baseline per service and UTC day (DESIGN §6 `analyze`): requests, effective cost, cost per
 * 1,000 inferences, replica-hours, GPU utilization, SLO breach minutes, error-budget burn, idle share.
 * Run by `scalewise analyze`, in-process or under spark-submit (which starts the CLI's Main).
 */
public final class AnalyzeJob {
    /**
     * @param from     first UTC day analysed (inclusive); empty = from the data
     * @param to       last UTC day analysed (inclusive); empty = to the end of the data
     * @param services services.yaml entries by service; {@link ServiceSpec#defaults} for the others
     */
    public record Request(String dataDir, Optional<LocalDate> from, Optional<LocalDate> to, int stepSeconds,
                          String costTag, Map<String, ServiceSpec> services) {
        ServicePipeline.Settings settings() {
            return ServicePipeline.Settings.of(dataDir, stepSeconds,
                    from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag);
        }
    }

    /** Rows of {@link AnalyzeRows#SCHEMA} (lazy, persisted), data-quality counts and notes on absent datasets. */
    public record Result(Dataset<Row> rows, DataQualityReport quality) {
        /** The rows by service and date, as the table the CLI renders. */
        public Table table() {
            return RowTables.of(AnalyzeRows.SCHEMA, rows.orderBy("service", "date").collectAsList());
        }

        /** Stages the rows for OUT's next commit, one Parquet partition per day; returns the partitions. */
        public List<String> stage(OutputDir out) {
            return PartitionedParquet.stage(out, "", rows, "date");
        }
    }

    private AnalyzeJob() {
    }

    public static Result run(SparkSessions.Handle session, Request request) {
        return run(session.spark(), request);
    }

    public static Result run(SparkSession spark, Request request) {
        ServicePipeline.Settings settings = request.settings();
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        HashMap<String, ServiceTerms> services = ServiceTerms.of(request.services());
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, AnalyzeRows.SCHEMA,
                h -> AnalyzeRows.rows(h, ServiceTerms.specOf(services, h.service())));
        return new Result(r.rows(), ServicePipeline.defaultSloNote(r.quality(), r.rows(), request.services().keySet()));
    }
}
