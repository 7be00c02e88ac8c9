package dev.scalewise.bench;

import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.Slo;
import dev.scalewise.testkit.Histories;

import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * The replay benchmarks' service: 1-minute demand on a daily wave (10..110 rps) with +-20 % noise, a
 * queueing latency curve (100 ms idle, 20 rps service rate: 18 rps per replica at the 1 s p95 SLO),
 * 120 s startup, 2.5 per replica-hour. Shared so the kernel and HPA benchmarks replay the same input.
 */
record DiurnalService(ServiceHistory history, ServiceModel model, ServiceSpec spec) {
    static DiurnalService days(int days) {
        SplittableRandom random = new SplittableRandom(42);
        double[] perMinute = new double[days * 1440];
        for (int m = 0; m < perMinute.length; m++) {
            double diurnal = 60 + 50 * Math.sin(2 * Math.PI * (m % 1440) / 1440.0);
            perMinute[m] = Math.round(diurnal * 60 * random.nextDouble(0.8, 1.2));
        }
        Slo slo = new Slo(Slo.Percentile.P95, 1000, 0.99);
        return new DiurnalService(Histories.requests(perMinute).replicas(4).build(),
                ServiceModel.stated("svc", LatencyCurve.queueing(100, 20), slo, 120, 2.5),
                new ServiceSpec("svc", slo, OptionalDouble.empty(), OptionalDouble.empty(), true));
    }
}
