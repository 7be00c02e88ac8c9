package dev.scalewise.bench;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.HpaPolicy;
import dev.scalewise.policy.MetricTarget;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Signal;
import dev.scalewise.policy.Slo;
import dev.scalewise.recommend.RecommendOptions;
import dev.scalewise.recommend.Recommendation;
import dev.scalewise.recommend.Recommender;
import dev.scalewise.recommend.Split;
import dev.scalewise.testkit.Histories;
import dev.scalewise.testkit.Policies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One service, 90 days at a 60 s step (daily wave, quieter weekends, slow growth, noise), an HPA on rps per pod on the legacy
 * path: the whole recommendation — search on the first 68 days, holdout of the last 22, robustness
 * what-ifs and the binding-constraint replays. Run like ReplayBench (docs/replay.md):
 * {@code java -cp ... org.openjdk.jmh.Main RecommendBench -f1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecommendBench {
    public static final int DAYS = 90;

    private ServiceHistory history;
    private ServiceModel model;
    private ServiceSpec spec;
    private HpaPolicy current;

    @Setup
    public void setUp() {
        // daily wave, quieter weekends, 0.3 % growth a day, +-20 % noise: the shape of a fleet service
        SplittableRandom noise = new SplittableRandom(7);
        double[] requestsPerMinute = new double[DAYS * 1440];
        for (int minute = 0; minute < requestsPerMinute.length; minute++) {
            int day = minute / 1440;
            double rps = (60 + 50 * Math.sin(2 * Math.PI * (minute % 1440) / 1440.0)) * (day % 7 >= 5 ? 0.7 : 1.0)
                    * (1 + 0.003 * day);
            requestsPerMinute[minute] = Math.round(rps * 60 * noise.nextDouble(0.8, 1.2));
        }
        history = Histories.requests(requestsPerMinute).replicas(4).build();
        Slo slo = new Slo(Slo.Percentile.P95, 1000, 0.99);
        model = ServiceModel.stated("svc", LatencyCurve.queueing(100, 20), slo, 120, 2.5);
        spec = new ServiceSpec("svc", slo, OptionalDouble.empty(), OptionalDouble.empty(), true);
        current = new HpaPolicy(Policies.hpaMeta("svc-hpa", "svc", "bench.yaml"), 2, 20,
                List.of(new MetricTarget(MetricTarget.MetricSource.PODS, "rps", Signal.RPS_PER_REPLICA,
                        MetricTarget.TargetType.AVERAGE_VALUE, 8)), Optional.empty(), 0.1, 15);
    }

    @Benchmark
    public Recommendation recommend90Days() {
        return Recommender.recommend(Split.of(history, 0.25), model, spec, current, RecommendOptions.defaults());
    }
}
