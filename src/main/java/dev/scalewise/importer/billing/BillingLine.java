package dev.scalewise.importer.billing;

import java.util.SortedMap;

/**
 * One cost row on its way to {@code billing/}: the contract's FOCUS 1.2 columns, and where it came from
 * (file and row, for messages and for a stable order).
 */
public record BillingLine(long startMs, long endMs, double effectiveCost, double billedCost, String currency,
                          String resourceId, String skuId, Double consumedQuantity, String consumedUnit,
                          SortedMap<String, String> tags, int file, long row) {
}
