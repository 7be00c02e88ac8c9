package dev.scalewise.recommend;

import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.recommend.Recommendation.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** recommend has no search space for AWS Application Auto Scaling yet: it says so instead of failing. */
class RecommenderRefusesAwsTest {
    @Test
    void cannotRecommendWithTheReason() {
        PolicySpec aws = PolicyLoader.load(List.of("policies/sagemaker-llm-chat.yaml")).policies().get(0);
        Recommendation r = Recommender.recommend(EveryKindTest.HISTORY, Fixtures.spec(true), aws,
                RecommendOptions.defaults());
        assertEquals(Status.CANNOT_RECOMMEND, r.status());
        assertTrue(r.reason().contains("does not search AWS Application Auto Scaling policies yet"), r.reason());
    }
}
