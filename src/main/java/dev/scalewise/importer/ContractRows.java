package dev.scalewise.importer;

import dev.scalewise.data.Datasets;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.Map;

/** Builds rows of the data contract's schemas (schemas/*.avsc); null stands for an unknown optional value. */
public final class ContractRows {
    public static final Schema REQUESTS = Datasets.schema("requests");
    public static final Schema LATENCY = Datasets.schema("latency");
    public static final Schema GPU = Datasets.schema("gpu");
    public static final Schema BILLING = Datasets.schema("billing");

    private ContractRows() {
    }

    public static Schema schema(String dataset) {
        return switch (dataset) {
            case "requests" -> REQUESTS;
            case "latency" -> LATENCY;
            case "gpu" -> GPU;
            case "billing" -> BILLING;
            default -> throw new IllegalArgumentException(dataset);
        };
    }

    public static GenericRecord requests(long startMs, int seconds, String service, long requests, Long errors,
                                         Double inFlight, Double queueDepth, double replicas) {
        GenericRecord r = interval(REQUESTS, startMs, seconds, service);
        r.put("requests", requests);
        r.put("errors", errors);
        r.put("in_flight", inFlight);
        r.put("queue_depth", queueDepth);
        r.put("replicas", replicas);
        return r;
    }

    public static GenericRecord latency(long startMs, int seconds, String service, Double p50, Double p95, Double p99) {
        GenericRecord r = interval(LATENCY, startMs, seconds, service);
        r.put("p50_ms", p50);
        r.put("p95_ms", p95);
        r.put("p99_ms", p99);
        return r;
    }

    public static GenericRecord gpu(long startMs, int seconds, String service, double gpuUtil, Double smActive,
                                    Long fbUsedBytes, Double cpuUtil, Double memUtil) {
        GenericRecord r = interval(GPU, startMs, seconds, service);
        r.put("pod", null);
        r.put("gpu_util", gpuUtil);
        r.put("sm_active", smActive);
        r.put("fb_used_bytes", fbUsedBytes);
        r.put("cpu_util", cpuUtil);
        r.put("mem_util", memUtil);
        return r;
    }

    /** A FOCUS 1.2 cost row; tags kept in the order given (sorted by the caller for stable bytes). */
    public static GenericRecord billing(long startMs, long endMs, double effectiveCost, double billedCost,
                                        String currency, String resourceId, String skuId, Double consumedQuantity,
                                        String consumedUnit, Map<String, String> tags) {
        GenericRecord r = new GenericData.Record(BILLING);
        r.put("ChargePeriodStart", startMs);
        r.put("ChargePeriodEnd", endMs);
        r.put("EffectiveCost", effectiveCost);
        r.put("BilledCost", billedCost);
        r.put("BillingCurrency", currency);
        r.put("ResourceId", resourceId);
        r.put("SkuId", skuId);
        r.put("ConsumedQuantity", consumedQuantity);
        r.put("ConsumedUnit", consumedUnit);
        r.put("Tags", tags);
        return r;
    }

    private static GenericRecord interval(Schema schema, long startMs, int seconds, String service) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("interval_start", startMs);
        r.put("interval_seconds", seconds);
        r.put("service", service);
        return r;
    }
}
