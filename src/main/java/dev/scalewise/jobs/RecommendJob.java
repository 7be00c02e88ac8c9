package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.backtest.PolicyId;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.output.OutputDir;
import dev.scalewise.jobs.output.PartitionedParquet;
import dev.scalewise.jobs.rows.RecommendRows;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.RecommendOptions;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.recommend.RecommendationRow;
import dev.scalewise.recommend.Recommender;
import dev.scalewise.recommend.ServiceBasis;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recommendations for every service x policy (DESIGN §6 `recommend`): inside an executor per service,
 * search the policy's knobs on the training part of its history and confirm on the held-out part
 * ({@link Recommender}); one row per service x policy ({@link RecommendRows#SCHEMA}), partitioned by
 * the last day of data under recommendations/date=.../ for the nightly run.
 */
public final class RecommendJob {
    /**
     * The knobs of {@link RecommendOptions} that travel to the executors (it holds Optionals, which do
     * not serialize). Empty values use the recommender's defaults.
     */
    public record Options(String objective, double holdoutFraction, Integer minFloor, Integer maxCap, Double maxChange,
                          boolean parallelSearch, int screenDays) implements Serializable {
        public Options(String objective, double holdoutFraction, Integer minFloor, Integer maxCap, Double maxChange) {
            this(objective, holdoutFraction, minFloor, maxCap, maxChange, true, RecommendOptions.SCREEN_DAYS);
        }

        /** The same with the search screened on the training period's last {@code days} (0: not screened). */
        public Options withScreenDays(int days) {
            return new Options(objective, holdoutFraction, minFloor, maxCap, maxChange, parallelSearch, days);
        }

        /**
         * Each search's candidates replayed on several cores only when the job has too few services to keep
         * every core busy with its own (four per core: the services are spread over the tasks by hash).
         */
        Options forFleetOf(int services, int cores) {
            return new Options(objective, holdoutFraction, minFloor, maxCap, maxChange, services < 4 * cores, screenDays);
        }

        RecommendOptions toCore() {
            RecommendOptions o = RecommendOptions.defaults()
                    .withObjective(RecommendOptions.Objective.valueOf(objective)).withHoldout(holdoutFraction)
                    .withParallelSearch(parallelSearch).withScreenDays(screenDays);
            if (minFloor != null) {
                o = o.withMinFloor(minFloor);
            }
            if (maxCap != null) {
                o = o.withMaxCap(maxCap);
            }
            if (maxChange != null) {
                o = o.withMaxChange(maxChange);
            }
            return o;
        }
    }

    /**
     * @param service empty = every service that has a policy
     */
    public record Request(String dataDir, Optional<LocalDate> from, Optional<LocalDate> to, int stepSeconds,
                          String costTag, PolicyBundle policies, Optional<String> service, Options options) {
        /** The options for as many services as this request recommends for, on this Spark's cores. */
        Options fleetOptions(SparkSession spark) {
            int services = service.isPresent() ? 1 : policies.servicesWithPolicies().size();
            return options.forFleetOf(services, spark.sparkContext().defaultParallelism());
        }
    }

    /** Rows of {@link RecommendRows#SCHEMA} (lazy, persisted) and the data-quality report. */
    public record Result(Dataset<Row> rows, DataQualityReport quality) {
        /** Every recommendation, by service and policy, read back on the driver. */
        public List<RecommendationRow> collect() {
            return rows.orderBy("service", "policy").collectAsList().stream().map(RecommendRows::read).toList();
        }

        /** Stages the rows as OUT/recommendations, partitioned by the last day of data; returns the partitions. */
        public List<String> stage(OutputDir out) {
            return PartitionedParquet.stage(out, "recommendations", rows, "date");
        }
    }

    private RecommendJob() {
    }

    public static Result run(SparkSessions.Handle session, Request request) {
        return run(session.spark(), request);
    }

    public static Result run(SparkSession spark, Request request) {
        ServicePipeline.Settings settings = ServicePipeline.Settings.of(request.dataDir(), request.stepSeconds(),
                request.from().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                request.to().map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), request.costTag());
        if (request.service().isPresent()) {
            settings = settings.onlyServices(List.of(request.service().get()));
        }
        List<LoadedDataset> loaded = ServicePipeline.read(spark, settings);
        Broadcast<PolicyBundle> shared = request.policies().broadcast(spark);
        Options options = request.fleetOptions(spark);
        ServicePipeline.Result r = ServicePipeline.run(spark, settings, loaded, RecommendRows.SCHEMA,
                h -> rows(h, shared.value(), options));
        return new Result(r.rows(), ServicePipeline.defaultSloNote(r.quality(), r.rows(), request.policies().services().keySet()));
    }

    /** Executor side: a recommendation per policy of the service. */
    static List<Row> rows(ServiceHistory h, PolicyBundle bundle, Options options) {
        String date = LocalDate.ofInstant(h.timeOf(Math.max(0, h.steps() - 1)), ZoneOffset.UTC).toString();
        List<PolicySpec> policies = bundle.policiesFor(h.service());
        List<Recommendation> recs = recommendations(h, bundle, options);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < recs.size(); i++) {
            out.add(RecommendRows.toRow(recs.get(i), date, PolicyId.of(policies.get(i)).label()));
        }
        return out;
    }

    /**
     * Executor side: the recommendations themselves, in the order of {@link PolicyBundle#policiesFor}; the
     * split, model and observed run are worked out once for all of the service's policies.
     */
    static List<Recommendation> recommendations(ServiceHistory h, PolicyBundle bundle, Options options) {
        List<PolicySpec> all = bundle.policySet().policies();
        List<PolicySpec> policies = bundle.policiesFor(h.service());
        ServiceBasis basis;
        try {
            basis = ServiceBasis.fit(h, bundle.service(h.service()), options.holdoutFraction());
        } catch (UserError | IllegalArgumentException e) {
            return policies.stream().map(p -> cannot(h, p, e)).toList();
        }
        List<Recommendation> out = new ArrayList<>();
        for (PolicySpec p : policies) {
            RecommendOptions opts = options.toCore().withMaxFloor(Recommender.maxFloorFor(p, all));
            Recommendation r;
            try {
                r = Recommender.recommend(basis, p, opts);
            } catch (UserError | IllegalArgumentException e) {
                r = cannot(h, p, e);
            }
            out.add(r);
        }
        return out;
    }

    /** One service's bad data must not stop the fleet: the row says why. */
    private static Recommendation cannot(ServiceHistory h, PolicySpec p, RuntimeException e) {
        return new Recommendation(h.service(), p.meta().name(), p.meta().sourceKind(), p.meta().name(),
                p.meta().location().file(), Recommendation.Status.CANNOT_RECOMMEND, e.getMessage(), List.of(), "",
                Optional.empty());
    }
}
