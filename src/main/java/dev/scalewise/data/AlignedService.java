package dev.scalewise.data;

import java.util.Optional;

/**
 * What the aligner made of one service's rows: its history (absent when it had no usable requests
 * rows) and the data-quality counts of those rows.
 */
public record AlignedService(String service, Optional<ServiceHistory> history, DataQualityReport quality) {
}
