package dev.scalewise.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.ingest.SparkErrors;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.jobs.rows.RecommendRows;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.ServiceModelFitter;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.recommend.RecommendationRow;
import dev.scalewise.recommend.Split;
import dev.scalewise.charts.ServicePane;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report's data in one pass per service (inside an executor): the recommendation of every
 * policy, exactly as {@link RecommendJob} makes it, and the service's {@link ServicePane} drawn from
 * the same recommendations (their chosen settings replayed over the whole history with the model the
 * recommendation used). Only the recommendation rows and one small pane per service reach the driver.
 */
public final class ReportJob {
    /** A recommendation row, or a pane row (pane set, the recommendation's columns null). */
    static final StructType SCHEMA = RecommendRows.SCHEMA.add("pane", DataTypes.StringType);
    /** A pane without recommendations (backtest --html). */
    static final StructType PANE_SCHEMA = new StructType().add("service", DataTypes.StringType)
            .add("pane", DataTypes.StringType);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param recommendations by service and policy, as {@link RecommendJob.Result#collect} reads them
     * @param rows            the same as rows of {@link RecommendRows#SCHEMA}, for {@link #stage}
     */
    public record Result(List<RecommendationRow> recommendations, Map<String, ObjectNode> panes,
                         DataQualityReport quality, Dataset<Row> rows) {
        /** Stages the recommendation rows for OUT's next commit, as {@link RecommendJob.Result#stage} does. */
        public List<String> stage(OutputDir out) {
            return PartitionedParquet.stage(out, "recommendations", rows, "date");
        }
    }

    private ReportJob() {
    }

    public static Result run(SparkSessions.Handle session, RecommendJob.Request request) {
        SparkSession spark = session.spark();
        ServicePipeline.Settings settings = ServicePipeline.Settings.of(request.dataDir(), request.stepSeconds(),
                request.from().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                request.to().map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), request.costTag());
        if (request.service().isPresent()) {
            settings = settings.onlyServices(List.of(request.service().get()));
        }
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        Broadcast<PolicyBundle> shared = request.policies().broadcast(spark);
        RecommendJob.Options options = request.fleetOptions(spark);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, SCHEMA,
                h -> rows(h, shared.value(), options));
        List<Row> all = SparkErrors.translate(() -> r.rows().orderBy("service", "policy").collectAsList());
        List<Row> recommendations = new ArrayList<>();
        Map<String, ObjectNode> panes = new LinkedHashMap<>();
        String[] columns = RecommendRows.SCHEMA.fieldNames();
        for (Row row : all) {
            String pane = row.getAs("pane");
            if (pane == null) {
                recommendations.add(new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
                        Arrays.stream(columns).map(row::getAs).toArray(), RecommendRows.SCHEMA));
            } else {
                panes.put(row.getAs("service"), parse(pane));
            }
        }
        Dataset<Row> rows = spark.createDataFrame(recommendations, RecommendRows.SCHEMA);
        return new Result(recommendations.stream().map(RecommendRows::read).toList(), panes,
                ServicePipeline.defaultSloNote(r.quality(), rows, request.policies().services().keySet()), rows);
    }

    /**
     * The panes of a backtest's report: each policy replayed with its current settings over the whole
     * range read, with the model fitted on all of it (as backtest fits it); no recommendation.
     */
    public static Map<String, ObjectNode> panes(SparkSessions.Handle session, String dataDir, Optional<LocalDate> from,
                                                Optional<LocalDate> to, int stepSeconds, String costTag,
                                                PolicyBundle policies) {
        SparkSession spark = session.spark();
        ServicePipeline.Settings settings = ServicePipeline.Settings.of(dataDir, stepSeconds,
                from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), costTag);
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        Broadcast<PolicyBundle> shared = policies.broadcast(spark);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, PANE_SCHEMA,
                h -> paneRow(h, shared.value()));
        Map<String, ObjectNode> panes = new LinkedHashMap<>();
        SparkErrors.translate(() -> r.rows().orderBy("service").collectAsList())
                .forEach(row -> panes.put(row.getString(0), parse(row.getString(1))));
        return panes;
    }

    /** Executor side, backtest: the service's pane, or nothing when it has no policy or no model. */
    static List<Row> paneRow(ServiceHistory h, PolicyBundle bundle) {
        List<PolicySpec> policies = bundle.policiesFor(h.service());
        if (policies.isEmpty()) {
            return List.of();
        }
        ServiceSpec spec = bundle.service(h.service());
        ServiceModel model;
        try {
            model = ServiceModelFitter.fit(h, spec);
        } catch (dev.scalewise.UserError | IllegalArgumentException e) {
            return List.of(); // backtest reports the problem; the report has no page for the service
        }
        List<ServicePane.Entry> entries = policies.stream().map(p -> new ServicePane.Entry(p, Optional.empty())).toList();
        return List.of(RowFactory.create(h.service(), ServicePane.build(h, spec, model, entries, -1).toString()));
    }

    /** Executor side: the service's recommendation rows, then its pane row. */
    static List<Row> rows(ServiceHistory h, PolicyBundle bundle, RecommendJob.Options options) {
        List<PolicySpec> policies = bundle.policiesFor(h.service());
        if (policies.isEmpty()) {
            return List.of();
        }
        List<Recommendation> recs = RecommendJob.recommendations(h, bundle, options);
        String date = LocalDate.ofInstant(h.timeOf(Math.max(0, h.steps() - 1)), ZoneOffset.UTC).toString();
        List<Row> out = new ArrayList<>();
        List<ServicePane.Entry> entries = new ArrayList<>();
        for (int i = 0; i < recs.size(); i++) {
            Row rec = RecommendRows.toRow(recs.get(i), date, dev.scalewise.backtest.PolicyId.of(policies.get(i)).label());
            Object[] v = new Object[SCHEMA.size()];
            for (int c = 0; c < rec.size(); c++) {
                v[c] = rec.get(c);
            }
            out.add(RowFactory.create(v));
            entries.add(new ServicePane.Entry(policies.get(i), Optional.of(recs.get(i))));
        }
        ServiceSpec spec = bundle.service(h.service());
        Split split = Split.of(h, options.holdoutFraction());
        ServiceModel model = ServiceModelFitter.fit(split.train(), spec);
        ObjectNode pane = ServicePane.build(h, spec, model, entries, split.heldOut() ? h.steps() - split.holdoutSteps() : -1);
        Object[] v = new Object[SCHEMA.size()];
        v[SCHEMA.fieldIndex("service")] = h.service();
        v[SCHEMA.fieldIndex("pane")] = pane.toString();
        out.add(RowFactory.create(v));
        return out;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
