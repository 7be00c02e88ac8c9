package dev.scalewise.recommend;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.model.Fitted;
import dev.scalewise.model.LatencyCurve;
import dev.scalewise.model.ServiceModel;
import dev.scalewise.model.TokenWork;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.testkit.Histories;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The training peak maxReplicas covers is in the unit the target's load per replica is in. */
class LimitsTest {
    @Test
    void aRequestModelsPeakIsInRequestsPerSecond() {
        ServiceHistory h = Histories.requests(60, 240).replicas(1).build();
        Limits limits = Limits.of(RecommendOptions.defaults(), Fixtures.spec(true), Fixtures.model(), h, 1);
        assertEquals(4, limits.peakLoad, 1e-12); // 240 requests in a 60 s step
    }

    @Test
    void aTokenModelsPeakIsInWeightedTokensPerSecond() {
        double[][] s = new double[LlmSeries.NAMES.size()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = new double[2];
            Arrays.fill(s[k], Double.NaN);
        }
        s[0] = new double[] {6000, 24_000}; // prompt tokens
        s[1] = new double[] {1200, 4800}; // generated tokens
        ServiceHistory h = Histories.requests(60, 60).replicas(1).build().withLlm(LlmSeries.of(s));
        ServiceModel model = ServiceModel.stated("svc", LatencyCurve.queueing(1000, 400), Fixtures.SLO, 0, 3.6)
                .withWork(TokenWork.tokens(Fitted.stated(0.5, "the test")));
        ServiceSpec spec = new ServiceSpec("svc", Fixtures.SLO, OptionalDouble.empty(), OptionalDouble.empty(), true);
        Limits limits = Limits.of(RecommendOptions.defaults(), spec, model, h, 1);
        // the second step: 0.5 x 24,000 + 4,800 = 16,800 weighted tokens in 60 s (its requests: 1 per second)
        assertEquals(280, limits.peakLoad, 1e-9);
        // so a replica at 140 tokens/s needs 280 x 1.2 / 140 = 2.4 -> 3 to cover the peak
        assertEquals(3, limits.maxFor(140, 1, 10));
    }
}
