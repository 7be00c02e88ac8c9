package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads the exports and brings one service's aligned history to the driver, for `scalewise replay`,
 * the single-service debugging view. Only that service's history is collected.
 */
public final class ReplayJob {
    private ReplayJob() {
    }

    /** The service's history and the data-quality report of the read. */
    public record Result(ServiceHistory history, DataQualityReport quality) {
    }

    public static Result history(SparkSession spark, String dataDir, String service, Optional<LocalDate> from,
                                 Optional<LocalDate> to, int stepSeconds, String costTag) {
        ServicePipeline.Settings settings = ServicePipeline.Settings.of(dataDir, stepSeconds,
                from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag);
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, HistoryRows.SCHEMA,
                h -> h.service().equals(service) ? List.of(HistoryRows.toRow(h)) : List.of());
        List<Row> rows = SparkErrors.translate(() -> r.rows().collectAsList());
        if (rows.isEmpty()) {
            throw new UserError("service '" + service + "': no requests rows under " + dataDir
                    + from.map(d -> " from " + d).orElse("") + to.map(d -> " to " + d).orElse(""));
        }
        DataQualityReport quality = r.quality();
        for (String note : ServicePipeline.absenceNotes(loaded)) {
            quality = quality.withNote(note);
        }
        return new Result(HistoryRows.fromRow(rows.get(0)), quality);
    }
}
