package dev.scalewise.jobs;

import dev.scalewise.data.ServiceHistory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading a few services of an export (`replay`, `recommend --service`, `lint --data`) filters the others
 * out where the rows are read, before packing and shuffling: the services asked for come out exactly as
 * they do when more of the fleet is read alongside them.
 */
class ServiceFilterTest {
    @Test
    void aServiceReadAloneHasTheHistoryItHasAmongOthers() {
        HistoryJob.Result alone = HistoryJob.histories(SharedSpark.get(), "sample-data", Set.of("rerank"),
                Optional.empty(), Optional.empty(), 60, "service");
        HistoryJob.Result withOthers = HistoryJob.histories(SharedSpark.get(), "sample-data",
                Set.of("rerank", "llm-chat", "vision-ocr"), Optional.empty(), Optional.empty(), 60, "service");
        assertEquals(List.of("rerank"), List.copyOf(alone.histories().keySet()));
        assertEquals(Set.of("rerank", "llm-chat", "vision-ocr"), withOthers.histories().keySet());
        ServiceHistory a = alone.history("rerank");
        ServiceHistory b = withOthers.history("rerank");
        assertAll(
                () -> assertEquals(b.start(), a.start()),
                () -> assertArrayEquals(b.requests(), a.requests()),
                () -> assertArrayEquals(b.replicas(), a.replicas()),
                () -> assertArrayEquals(b.p95Ms(), a.p95Ms()),
                () -> assertArrayEquals(b.gpuUtil(), a.gpuUtil()),
                () -> assertArrayEquals(b.cost(), a.cost()),
                () -> assertEquals(b.currency(), a.currency()));
    }

    @Test
    void noServiceNamedIsRefusedRatherThanReadingTheFleet() {
        assertThrows(IllegalArgumentException.class, () -> HistoryJob.histories(SharedSpark.get(), "sample-data",
                Set.of(), Optional.empty(), Optional.empty(), 60, "service"));
    }
}
