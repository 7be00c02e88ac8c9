package dev.scalewise.sample;

import dev.scalewise.data.Datasets;
import dev.scalewise.data.LlmSeries;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's rows of one UTC day in the data contract's schemas, from each service's one-day chunk,
 * ordered by service then time (long runs of one service compress well). Billing rows are hourly FOCUS
 * rows per service plus two daily rows that belong to no inference service, to show that attribution
 * by tag works.
 */
final class FleetRows {
    static final String CURRENCY = "USD";
    static final String ACCOUNT = "arn:aws:eks:us-east-1:123456789012:";

    private final Schema requests = Datasets.schema("requests");
    private final Schema latency = Datasets.schema("latency");
    private final Schema gpu = Datasets.schema("gpu");
    private final Schema billing = Datasets.schema("billing");

    Schema schema(String dataset) {
        return switch (dataset) {
            case "requests" -> requests;
            case "latency" -> latency;
            case "gpu" -> gpu;
            case "billing" -> billing;
            default -> throw new IllegalArgumentException(dataset);
        };
    }

    /** @param day every service's chunk of the same UTC day */
    List<GenericRecord> rows(String dataset, List<ServiceSeries> day) {
        if (dataset.equals("billing")) {
            return billingRows(day);
        }
        List<GenericRecord> out = new ArrayList<>(day.size() * day.get(0).steps());
        for (ServiceSeries s : day) {
            for (int i = 0; i < s.steps(); i++) {
                out.add(switch (dataset) {
                    case "requests" -> requestsRow(s, i);
                    case "latency" -> latencyRow(s, i);
                    case "gpu" -> gpuRow(s, i);
                    default -> throw new IllegalArgumentException(dataset);
                });
            }
        }
        return out;
    }

    private GenericRecord interval(Schema schema, ServiceSeries s, int i) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("interval_start", (s.startEpochSecond() + (long) i * s.stepSeconds()) * 1000);
        r.put("interval_seconds", s.stepSeconds());
        r.put("service", s.profile().name());
        return r;
    }

    private GenericRecord requestsRow(ServiceSeries s, int i) {
        GenericRecord r = interval(requests, s, i);
        r.put("requests", s.requests()[i]);
        r.put("errors", s.errors()[i]);
        r.put("in_flight", s.inFlight()[i]);
        r.put("queue_depth", s.queueDepth()[i]);
        r.put("replicas", s.readyReplicas()[i]);
        if (s.llm() != null) {
            r.put("prompt_tokens", (long) s.llm().promptTokens()[i]);
            r.put("generation_tokens", (long) s.llm().generationTokens()[i]);
        }
        return r;
    }

    private GenericRecord latencyRow(ServiceSeries s, int i) {
        GenericRecord r = interval(latency, s, i);
        r.put("p50_ms", nullIfNaN(s.p50Ms()[i]));
        r.put("p95_ms", nullIfNaN(s.p95Ms()[i]));
        r.put("p99_ms", nullIfNaN(s.p99Ms()[i]));
        if (s.llm() != null) {
            double[][] series = s.llm().series();
            for (int k = 2; k < 8; k++) { // ttft_p50_ms .. tpot_p99_ms
                r.put(LlmSeries.NAMES.get(k), nullIfNaN(series[k][i]));
            }
        }
        return r;
    }

    /** Avro's nullable double: the writer boundary is the one place null stands for "unknown". */
    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private GenericRecord gpuRow(ServiceSeries s, int i) {
        GenericRecord r = interval(gpu, s, i);
        r.put("gpu_util", s.gpuUtil()[i]);
        r.put("sm_active", s.smActive()[i]);
        r.put("fb_used_bytes", s.fbUsedBytes()[i]);
        r.put("cpu_util", s.cpuUtil()[i]);
        r.put("mem_util", s.memUtil()[i]);
        if (s.llm() != null) {
            r.put("kv_cache_util", s.llm().kvCacheUtil()[i]);
            r.put("gpu_mem_util", s.llm().gpuMemUtil()[i]);
        }
        return r;
    }

    private List<GenericRecord> billingRows(List<ServiceSeries> day) {
        List<GenericRecord> out = new ArrayList<>();
        long dayStart = day.get(0).startEpochSecond();
        for (ServiceSeries s : day) {
            ServiceProfile p = s.profile();
            for (int h = 0; h < s.replicaHoursByHour().length; h++) {
                double hours = s.replicaHoursByHour()[h];
                double effective = hours * p.pricePerReplicaHour();
                out.add(billingRow(dayStart + h * 3600L, 3600, effective, effective / (1 - p.committedDiscount()),
                        ACCOUNT + "nodegroup/inference-prod/" + p.name(), p.skuId(), hours,
                        Map.of("service", p.name(), "team", p.team(), "env", "prod")));
            }
        }
        // Costs that must not land on any inference service: another team's service, and a shared fee.
        out.add(billingRow(dayStart, 86_400, 3 * 24 * 0.504, 3 * 24 * 0.504,
                ACCOUNT + "nodegroup/data-prod/feature-store", "r6i.2xlarge", 3 * 24.0,
                Map.of("service", "feature-store", "team", "data-platform", "env", "prod")));
        out.add(billingRow(dayStart, 86_400, 24 * 0.10, 24 * 0.10, ACCOUNT + "cluster/inference-prod",
                "AmazonEKS-Hours:perCluster", 24.0, Map.of("team", "ml-platform", "env", "prod")));
        return out;
    }

    private GenericRecord billingRow(long startSecond, long seconds, double effective, double billed,
                                     String resource, String sku, double hours, Map<String, String> tags) {
        GenericRecord r = new GenericData.Record(billing);
        r.put("ChargePeriodStart", startSecond * 1000);
        r.put("ChargePeriodEnd", (startSecond + seconds) * 1000);
        r.put("EffectiveCost", effective);
        r.put("BilledCost", billed);
        r.put("BillingCurrency", CURRENCY);
        r.put("ResourceId", resource);
        r.put("SkuId", sku);
        r.put("ConsumedQuantity", hours);
        r.put("ConsumedUnit", "Hours");
        r.put("Tags", new TreeMap<>(tags)); // sorted: the same bytes every run
        return r;
    }
}
