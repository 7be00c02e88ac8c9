package dev.scalewise.jobs;

import dev.scalewise.data.DatasetKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionPruningTest {
    private static final ServicePipeline.Settings JAN_5_TO_6 = ServicePipeline.Settings.of("d", 60,
            Optional.of(Instant.parse("2026-01-05T00:00:00Z")), Optional.of(Instant.parse("2026-01-07T00:00:00Z")),
            "service");

    @Test
    void metricDatasetsReadTheRangeWithOneDayOfMarginEachSide() {
        assertEquals(new DatasetReader.Days(Optional.of(LocalDate.parse("2026-01-04")),
                        Optional.of(LocalDate.parse("2026-01-08"))),
                ServicePipeline.days(JAN_5_TO_6, DatasetKind.REQUESTS));
    }

    @Test
    void billingIsReadFromTheBeginningBecauseAChargePeriodCanStartLongBefore() {
        assertEquals(new DatasetReader.Days(Optional.empty(), Optional.of(LocalDate.parse("2026-01-08"))),
                ServicePipeline.days(JAN_5_TO_6, DatasetKind.BILLING));
    }

    @Test
    void withoutARangeEverythingIsRead() {
        ServicePipeline.Settings all = ServicePipeline.Settings.of("d", 60, Optional.empty(), Optional.empty(), "service");
        assertEquals(DatasetReader.Days.ALL, ServicePipeline.days(all, DatasetKind.GPU));
    }
}
