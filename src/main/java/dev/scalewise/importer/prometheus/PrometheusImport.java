package dev.scalewise.importer.prometheus;

import dev.scalewise.UserError;
import dev.scalewise.importer.ContractRows;
import dev.scalewise.importer.PartitionCommit;
import dev.scalewise.importer.ProgressBar;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports {@code requests}, {@code latency} and {@code gpu} from a Prometheus-compatible server, one
 * UTC day at a time: every query of the day is run as range queries (split below the server's point
 * limit, a few at a time), the answers are laid onto the day's step grid per service, and the day's
 * rows are committed together ({@link PartitionCommit}). A day already complete is skipped unless
 * asked to overwrite, so an interrupted import resumes where it stopped and a rerun writes the same
 * bytes.
 *
 * <p>The value at evaluation time T covers {@code (T - step, T]} and becomes the row of
 * {@code interval_start = T - step}; a day D is evaluated at D + step, ..., D + 24 h.
 */
public final class PrometheusImport {
    /** Prometheus refuses a range query of more points than this per series (promql/engine). */
    public static final int MAX_POINTS = 11_000;

    /**
     * @param quantiles   the latency percentiles to ask for (0.5, 0.95, 0.99)
     * @param expected    services that should be there (from services.yaml), to report when absent
     * @param maxPoints   per range request (MAX_POINTS, lower to test the splitting)
     */
    public record Request(LocalDate from, LocalDate to, int stepSeconds, Map<Column, QueryTemplate> queries,
                          QueryTemplate.Vars vars, List<Double> quantiles, Set<String> expected,
                          boolean overwrite, int parallel, int maxPoints) {
        public Request {
            if (from.isAfter(to)) {
                throw new UserError("--from " + from + " is after --to " + to);
            }
            if (stepSeconds <= 0 || 86_400 % stepSeconds != 0) {
                throw new UserError("--step: expected a step that divides a day (15s, 30s, 60s, 5m, ...), found "
                        + stepSeconds + " s");
            }
            if (!queries.containsKey(Column.REQUESTS) || !queries.containsKey(Column.REPLICAS)) {
                Column missing = queries.containsKey(Column.REQUESTS) ? Column.REPLICAS : Column.REQUESTS;
                throw new UserError("no query for '" + missing.key() + "': requests rows need both requests and"
                        + " replicas; add a preset that has it (requests: vllm, triton, tgi, knative, ray-serve;"
                        + " replicas: kube-state-metrics, knative, ray-serve) or a '" + missing.key()
                        + ":' line in --queries");
            }
            queries = Map.copyOf(queries);
            quantiles = List.copyOf(quantiles);
            expected = Set.copyOf(expected);
        }
    }

    /** One query of a day: its label in the summary, its column, and the quantile for latency. */
    private record Job(String label, Column column, QueryTemplate template, double quantile) {
    }

    private final PromClient client;
    private final PartitionCommit out;
    private final ProgressBar progress;
    private final Clock clock;

    public PrometheusImport(PromClient client, PartitionCommit out, ProgressBar progress, Clock clock) {
        this.client = client;
        this.out = out;
        this.progress = progress;
        this.clock = clock;
    }

    public ImportSummary run(Request r) {
        List<Job> jobs = jobs(r);
        ImportSummary summary = new ImportSummary();
        int stepsPerDay = 86_400 / r.stepSeconds();
        long days = r.to().toEpochDay() - r.from().toEpochDay() + 1;
        long rangeStart = r.from().toEpochDay() * 86_400;
        long rangeEnd = (r.to().toEpochDay() + 1) * 86_400;
        checkServiceLabel(r, summary, rangeStart, rangeEnd);
        List<String> datasets = datasets(r.queries());
        progress.start(days * jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, r.parallel()), runnable -> {
            Thread t = new Thread(runnable, "import-query");
            t.setDaemon(true);
            return t;
        });
        try {
            for (LocalDate day = r.from(); !day.isAfter(r.to()); day = day.plusDays(1)) {
                boolean over = (day.toEpochDay() + 1) * 86_400 <= clock.millis() / 1000;
                if (!r.overwrite() && over && out.complete(day, List.of("requests"))) {
                    summary.daysSkipped++;
                    progress.advance(jobs.size(), day + " already imported");
                    continue;
                }
                if (!over) {
                    summary.notes.add(day + " is not over yet: its rows stop at the last complete step; a rerun"
                            + " imports it again");
                }
                summary.stepsInRange += stepsPerDay;
                Map<String, Map<String, double[]>> answers = runDay(pool, r, jobs, day, stepsPerDay);
                writeDay(r, day, answers, datasets, summary);
            }
        } finally {
            pool.shutdownNow();
        }
        explainMissing(r, jobs, summary, rangeStart, rangeEnd);
        return summary;
    }

    private static List<Job> jobs(Request r) {
        List<Job> jobs = new ArrayList<>();
        for (Column c : Column.values()) {
            QueryTemplate t = r.queries().get(c);
            if (t == null) {
                continue;
            }
            if (c.percentilePrefix().isPresent()) {
                for (double q : r.quantiles()) {
                    jobs.add(new Job(c.percentilePrefix().get() + percentileColumn(q), c, t, q));
                }
            } else {
                jobs.add(new Job(c.key(), c, t, Double.NaN));
            }
        }
        return jobs;
    }

    /** The latency dataset's percentile columns, end-to-end, TTFT and TPOT. */
    private static final List<String> LATENCY_COLUMNS = List.of("p50_ms", "p95_ms", "p99_ms", "ttft_p50_ms",
            "ttft_p95_ms", "ttft_p99_ms", "tpot_p50_ms", "tpot_p95_ms", "tpot_p99_ms");

    static String percentileColumn(double quantile) {
        return "p" + Math.round(quantile * 100) + "_ms";
    }

    private static List<String> datasets(Map<Column, QueryTemplate> queries) {
        List<String> out = new ArrayList<>(List.of("requests"));
        if (queries.containsKey(Column.LATENCY_MS) || queries.containsKey(Column.TTFT_MS)
                || queries.containsKey(Column.TPOT_MS)) {
            out.add("latency");
        }
        if (queries.containsKey(Column.GPU_UTIL)) {
            out.add("gpu");
        }
        return out;
    }

    /** label -> service -> value per step of the day (NaN where the server had none). */
    private Map<String, Map<String, double[]>> runDay(ExecutorService pool, Request r, List<Job> jobs, LocalDate day,
                                                      int stepsPerDay) {
        long first = day.toEpochDay() * 86_400 + r.stepSeconds();
        long last = first + (long) (stepsPerDay - 1) * r.stepSeconds();
        long now = clock.millis() / 1000;
        long lastKnown = Math.min(last, now - now % r.stepSeconds());
        Map<String, Future<Map<String, double[]>>> futures = new LinkedHashMap<>();
        for (Job job : jobs) {
            futures.put(job.label(), pool.submit(() -> {
                Map<String, double[]> byService = new TreeMap<>();
                if (lastKnown >= first) {
                    for (long[] chunk : RangeSplit.split(first, lastKnown, r.stepSeconds(), r.maxPoints())) {
                        String query = job.template().render(r.vars(), job.quantile());
                        List<PromSeries> series;
                        try {
                            series = client.queryRange(query, chunk[0], chunk[1], r.stepSeconds());
                        } catch (PromClient.QueryRejected e) {
                            throw new UserError(rejected(job, query, e));
                        }
                        place(series, r.vars().serviceLabel(), first, r.stepSeconds(), stepsPerDay, byService);
                    }
                }
                progress.advance(1, day + " " + job.label());
                return byService;
            }));
        }
        Map<String, Map<String, double[]>> answers = new HashMap<>();
        for (Map.Entry<String, Future<Map<String, double[]>>> e : futures.entrySet()) {
            try {
                answers.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException ex) {
                futures.values().forEach(f -> f.cancel(true));
                if (ex.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(ex.getCause());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted");
            }
        }
        return answers;
    }

    private static String rejected(Job job, String query, PromClient.QueryRejected e) {
        return String.format(Locale.ROOT, "%s: the server refused the query for %s (metrics %s): %s%n  query: %s",
                job.template().origin(), job.label(), String.join(", ", job.template().metrics()), e.getMessage(),
                query);
    }

    /** Lays a range query's series onto the day's grid; points of a series without the label are counted. */
    private static final String UNLABELLED = "\u0000unlabelled";

    private static void place(List<PromSeries> series, String serviceLabel, long first, int step, int steps,
                              Map<String, double[]> byService) {
        for (PromSeries s : series) {
            String service = s.labels().get(serviceLabel);
            if (service == null || service.isEmpty()) {
                service = UNLABELLED;
            }
            double[] values = byService.computeIfAbsent(service, k -> {
                double[] v = new double[steps];
                java.util.Arrays.fill(v, Double.NaN);
                return v;
            });
            for (int i = 0; i < s.timesSeconds().length; i++) {
                long offset = s.timesSeconds()[i] - first;
                if (offset < 0 || offset % step != 0 || offset / step >= steps) {
                    continue;
                }
                double v = s.values()[i];
                if (Double.isFinite(v)) {
                    values[(int) (offset / step)] = v;
                }
            }
        }
    }

    private void writeDay(Request r, LocalDate day, Map<String, Map<String, double[]>> answers, List<String> datasets,
                          ImportSummary summary) {
        int step = r.stepSeconds();
        int steps = 86_400 / step;
        long dayStartMs = day.toEpochDay() * 86_400_000L;
        Set<String> services = new java.util.TreeSet<>();
        answers.forEach((label, byService) -> {
            double[] unlabelled = byService.remove(UNLABELLED);
            if (unlabelled != null) {
                for (double v : unlabelled) {
                    summary.unlabelledPoints += Double.isNaN(v) ? 0 : 1;
                }
            }
            services.addAll(byService.keySet());
        });
        List<GenericRecord> requests = new ArrayList<>();
        List<GenericRecord> latency = new ArrayList<>();
        List<GenericRecord> gpu = new ArrayList<>();
        for (String service : services) {
            ImportSummary.ServiceTally tally = summary.tally(service);
            Map<String, double[]> v = new HashMap<>();
            answers.forEach((label, byService) -> {
                double[] values = byService.get(service);
                if (values != null) {
                    v.put(label, values);
                    long n = 0;
                    for (double x : values) {
                        n += Double.isNaN(x) ? 0 : 1;
                    }
                    tally.points.merge(label, n, Long::sum);
                }
            });
            for (int i = 0; i < steps; i++) {
                long start = dayStartMs + (long) i * step * 1000;
                double req = at(v, "requests", i);
                double replicas = at(v, "replicas", i);
                if (!Double.isNaN(req) && !Double.isNaN(replicas)) {
                    GenericRecord row = ContractRows.requests(start, step, service, Math.round(req),
                            asLong(at(v, "errors", i)), boxed(at(v, "in_flight", i)), boxed(at(v, "queue_depth", i)),
                            replicas);
                    row.put("prompt_tokens", asLong(at(v, "prompt_tokens", i)));
                    row.put("generation_tokens", asLong(at(v, "generation_tokens", i)));
                    requests.add(row);
                    tally.requestsRows++;
                }
                GenericRecord latencyRow = ContractRows.latency(start, step, service, boxed(at(v, "p50_ms", i)),
                        boxed(at(v, "p95_ms", i)), boxed(at(v, "p99_ms", i)));
                boolean anyLatency = false;
                for (String column : LATENCY_COLUMNS) {
                    Double ms = boxed(at(v, column, i));
                    latencyRow.put(column, ms);
                    anyLatency |= ms != null;
                }
                if (anyLatency) {
                    latency.add(latencyRow);
                    tally.latencyRows++;
                }
                double util = at(v, "gpu_util", i);
                if (!Double.isNaN(util)) {
                    GenericRecord row = ContractRows.gpu(start, step, service, util, boxed(at(v, "sm_active", i)),
                            asLong(at(v, "fb_used_bytes", i)), boxed(at(v, "cpu_util", i)), boxed(at(v, "mem_util", i)));
                    row.put("kv_cache_util", boxed(at(v, "kv_cache_util", i)));
                    row.put("gpu_mem_util", boxed(at(v, "gpu_mem_util", i)));
                    gpu.add(row);
                    tally.gpuRows++;
                }
                double desired = at(v, "desired_replicas", i);
                if (!Double.isNaN(desired) && !Double.isNaN(replicas)) {
                    tally.desiredSum += desired;
                    tally.desiredSteps++;
                    tally.readySum += replicas;
                    tally.readySteps++;
                }
            }
        }
        if (requests.isEmpty() && latency.isEmpty() && gpu.isEmpty()) {
            summary.notes.add("no data for " + day + ": nothing written for that day");
            return;
        }
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Map<String, List<GenericRecord>> rows = new LinkedHashMap<>();
        for (String ds : datasets) {
            List<GenericRecord> list = switch (ds) {
                case "requests" -> requests;
                case "latency" -> latency;
                default -> gpu;
            };
            if (!list.isEmpty() || ds.equals("requests")) {
                schemas.put(ds, ContractRows.schema(ds));
                rows.put(ds, list);
            }
        }
        if (requests.isEmpty()) {
            rows.remove("requests"); // an empty requests file would mark the day complete
        }
        out.commit(day, schemas, rows);
        summary.daysWritten++;
    }

    private static double at(Map<String, double[]> v, String label, int i) {
        double[] values = v.get(label);
        return values == null ? Double.NaN : values[i];
    }

    private static Double boxed(double x) {
        return Double.isNaN(x) ? null : x;
    }

    private static Long asLong(double x) {
        return Double.isNaN(x) ? null : Math.round(x);
    }

    private void checkServiceLabel(Request r, ImportSummary summary, long start, long end) {
        List<String> labels = client.labels(start, end);
        String label = r.vars().serviceLabel();
        if (!labels.contains(label)) {
            summary.notes.add(String.format(Locale.ROOT, "no series carries the label `%s` between %s and %s;"
                    + " queries that group by it find no service (pass --service-label; labels found: %s)",
                    label, r.from(), r.to(), String.join(", ", labels.stream().limit(20).toList())));
        }
    }

    /** For every service and every query it got nothing from, which metric was missing. */
    private void explainMissing(Request r, List<Job> jobs, ImportSummary summary, long start, long end) {
        if (summary.unlabelledPoints > 0) {
            summary.notes.add(String.format(Locale.ROOT, "%d points came from series without the label `%s`"
                    + " and were left out; pass --service-label or override the query with --queries",
                    summary.unlabelledPoints, r.vars().serviceLabel()));
        }
        Set<String> services = new LinkedHashSet<>(summary.services.keySet());
        for (String s : new java.util.TreeSet<>(r.expected())) {
            if (!summary.services.containsKey(s)) {
                summary.notes.add("no data at all for " + s + " (named in services.yaml): check --service-label,"
                        + " --namespace and that its metrics are scraped");
            }
        }
        Map<String, Boolean> metricExists = new HashMap<>();
        for (String service : services) {
            ImportSummary.ServiceTally t = summary.services.get(service);
            for (Job job : jobs) {
                if (t.points(job.label()) > 0) {
                    continue;
                }
                List<String> absent = new ArrayList<>();
                for (String metric : job.template().metrics()) {
                    // by name alone: stacks name their namespace label differently (Knative: namespace_name)
                    boolean exists = metricExists.computeIfAbsent(metric, m -> !client.series(m, start, end).isEmpty());
                    if (!exists) {
                        absent.add("`" + metric + "`");
                    }
                }
                String what = absent.isEmpty()
                        ? "no data from " + String.join(", ", job.template().metrics().stream().map(m -> "`" + m + "`")
                        .toList()) + " for " + service + " (they exist for other services)"
                        : "no " + String.join(", ", absent) + " for " + service;
                summary.notes.add(what + ": " + consequence(job));
            }
        }
    }

    private static String consequence(Job job) {
        return switch (job.column()) {
            case REQUESTS -> "requests unknown, so no requests rows";
            case REPLICAS -> "replicas unknown, so no requests rows (they need ready replicas)";
            case GPU_UTIL -> "gpu_util unknown, so no gpu rows";
            case DESIRED_REPLICAS -> "HPA desired replicas not shown";
            default -> job.label() + " left empty";
        };
    }
}
