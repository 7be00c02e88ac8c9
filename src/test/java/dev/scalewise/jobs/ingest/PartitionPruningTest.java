package dev.scalewise.jobs.ingest;

import dev.scalewise.data.DatasetKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionPruningTest {
    private static final RowFilter JAN_5_TO_6 = new RowFilter(Instant.parse("2026-01-05T00:00:00Z").toEpochMilli(),
            Instant.parse("2026-01-07T00:00:00Z").toEpochMilli(), Set.of());

    @Test
    void metricDatasetsReadTheRangeWithOneDayOfMarginEachSide() {
        assertEquals(new DatasetReader.Days(Optional.of(LocalDate.parse("2026-01-04")),
                        Optional.of(LocalDate.parse("2026-01-08"))),
                Ingest.days(JAN_5_TO_6, DatasetKind.REQUESTS));
    }

    @Test
    void billingIsReadFromTheBeginningBecauseAChargePeriodCanStartLongBefore() {
        assertEquals(new DatasetReader.Days(Optional.empty(), Optional.of(LocalDate.parse("2026-01-08"))),
                Ingest.days(JAN_5_TO_6, DatasetKind.BILLING));
    }

    @Test
    void withoutARangeEverythingIsRead() {
        assertEquals(DatasetReader.Days.ALL, Ingest.days(RowFilter.ALL, DatasetKind.GPU));
    }
}
