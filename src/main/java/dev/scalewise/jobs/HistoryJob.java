package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.ingest.SparkErrors;
import dev.scalewise.jobs.rows.HistoryRows;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the exports and brings the aligned histories of a few named services to the driver: for the
 * single-service debugging view (`replay`) and the evidence of `lint --data`, which look at the services
 * of one change, never the fleet.
 */
public final class HistoryJob {
    private HistoryJob() {
    }

    /** The services' histories (those with requests data) and the data-quality report of the read. */
    public record Result(Map<String, ServiceHistory> histories, DataQualityReport quality) {
        public ServiceHistory history(String service) {
            ServiceHistory h = histories.get(service);
            if (h == null) {
                throw new UserError("service '" + service + "': no requests rows in the exports read");
            }
            return h;
        }
    }

    public static Result histories(SparkSessions.Handle session, String dataDir, Set<String> services,
                                   Optional<LocalDate> from, Optional<LocalDate> to, int stepSeconds, String costTag) {
        return histories(session.spark(), dataDir, services, from, to, stepSeconds, costTag);
    }

    public static Result histories(SparkSession spark, String dataDir, Set<String> services, Optional<LocalDate> from,
                                   Optional<LocalDate> to, int stepSeconds, String costTag) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("name the services to read (an empty set would read the whole fleet)");
        }
        ServicePipeline.Settings settings = ServicePipeline.Settings.of(dataDir, stepSeconds,
                from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag).onlyServices(services);
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        // only the services asked for reach here: the pipeline filters the others out where it reads
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, HistoryRows.SCHEMA,
                h -> List.of(HistoryRows.toRow(h)));
        List<Row> rows = SparkErrors.translate(() -> r.rows().collectAsList());
        Map<String, ServiceHistory> out = new LinkedHashMap<>();
        rows.forEach(row -> {
            ServiceHistory h = HistoryRows.fromRow(row);
            out.put(h.service(), h);
        });
        return new Result(out, r.quality());
    }
}
