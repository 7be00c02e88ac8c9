package dev.scalewise.policy;

import dev.scalewise.policy.MetricTarget.MetricSource;
import dev.scalewise.policy.MetricTarget.TargetType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The registry of kinds agrees with the sealed records, and the one unit rule of metric targets. */
class PolicyKindTest {
    @Test
    void eachRecordHasOneKindAndEachKindOneRecord() {
        Set<Class<?>> records = Set.of(PolicySpec.class.getPermittedSubclasses());
        Set<Class<?>> kinds = Arrays.stream(PolicyKind.values()).map(PolicyKind::type).collect(Collectors.toSet());
        assertEquals(records, kinds);
        assertEquals(PolicyKind.values().length, kinds.size());
    }

    @Test
    void theExamplePoliciesSayTheirOwnKind() {
        for (PolicySpec p : PolicyLoader.load(java.util.List.of("policies")).policies()) {
            assertEquals(p.getClass(), p.kind().type(), p.meta().name());
        }
    }

    @Test
    void aUtilSignalIsInPercentWhenTheTargetIsUtilizationOrAboveOne() {
        assertEquals(100, target(Signal.GPU_UTIL, TargetType.UTILIZATION, 0.5).signalScale());
        assertEquals(100, target(Signal.GPU_UTIL, TargetType.AVERAGE_VALUE, 70).signalScale()); // DCGM exports percent
        assertEquals(1, target(Signal.GPU_UTIL, TargetType.AVERAGE_VALUE, 0.7).signalScale());
        assertEquals(1, target(Signal.CPU_UTIL, TargetType.VALUE, 1).signalScale());
        assertEquals(100, target(Signal.MEM_UTIL, TargetType.VALUE, 1.5).signalScale());
        assertEquals(1, target(Signal.RPS_PER_REPLICA, TargetType.AVERAGE_VALUE, 50).signalScale());
        assertEquals(1, target(Signal.CONCURRENCY, TargetType.UTILIZATION, 80).signalScale());
    }

    private static MetricTarget target(Signal s, TargetType type, double value) {
        return new MetricTarget(MetricSource.PODS, "m", s, type, value);
    }
}
