package dev.scalewise.jobs;

import dev.scalewise.data.AlignedService;
import dev.scalewise.data.DataIssue;
import dev.scalewise.data.DataQualityReport;
import dev.scalewise.data.DatasetKind;
import dev.scalewise.data.HistoryAligner;
import dev.scalewise.data.InputBlock;
import dev.scalewise.data.ServiceHistory;
import dev.scalewise.jobs.ingest.Ingest;
import dev.scalewise.jobs.ingest.InputChunk;
import dev.scalewise.jobs.ingest.LoadedDataset;
import dev.scalewise.jobs.ingest.RowFilter;
import dev.scalewise.jobs.ingest.SparkErrors;
import dev.scalewise.policy.Slo;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

/**
 * The path every data job shares: read the four datasets ({@link Ingest}), group all rows by service,
 * validate and align each service's rows into a {@link ServiceHistory} inside an executor, hand it to a
 * core function, and return that function's rows (still distributed) plus the data-quality counts
 * (summed per dataset and issue: the only thing the driver collects).
 */
public final class ServicePipeline {
    /** What a job computes from one service's history, as rows of its output schema. */
    @FunctionalInterface
    public interface PerService extends Serializable {
        List<Row> rows(ServiceHistory history);
    }

    /**
     * @param fromMs   range start, epoch ms, or {@link Long#MIN_VALUE} for "from the data"
     * @param toMs     range end (exclusive), or {@link Long#MAX_VALUE} for "to the end of the data"
     * @param services the services to read; empty = every service (rows of the others are filtered out
     *                 where they are read, so they are neither aligned nor counted in the data quality)
     */
    public record Settings(String dataDir, int stepSeconds, long fromMs, long toMs, String costTag,
                           List<String> services) implements Serializable {
        public Settings {
            services = List.copyOf(services);
        }

        public static Settings of(String dataDir, int stepSeconds, Optional<Instant> from, Optional<Instant> to,
                                  String costTag) {
            return new Settings(dataDir, stepSeconds, from.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE),
                    to.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE), costTag, List.of());
        }

        /** What the read keeps: the range and the services. */
        public RowFilter filter() {
            return new RowFilter(fromMs, toMs, Set.copyOf(services));
        }

        /** Only these services (a `--service` view of a fleet's export). */
        public Settings onlyServices(Collection<String> names) {
            return new Settings(dataDir, stepSeconds, fromMs, toMs, costTag, List.copyOf(new TreeSet<>(names)));
        }
    }

    /** The job's rows (lazy, persisted) and the data-quality counts over all services. */
    public record Result(Dataset<Row> rows, DataQualityReport quality) {
    }

    private static final List<String> DQ_COLUMNS = List.of("_dq_dataset", "_dq_issue", "_dq_column", "_dq_file");

    private ServicePipeline() {
    }

    /** Reads the datasets under settings.dataDir(); requests is required, the others optional. */
    public static List<LoadedDataset> read(SparkSession spark, Settings settings) {
        return Ingest.read(spark, settings.dataDir(), settings.costTag(), settings.filter());
    }

    public static Result run(SparkSession spark, Settings settings, List<LoadedDataset> loaded,
                             StructType outSchema, PerService core) {
        StructType bundle = bundleSchema(outSchema);
        int outWidth = outSchema.size();
        EnumSet<DatasetKind> present = Ingest.presentKinds(loaded);
        // Rows are packed per (service, file split) before the exchange, so what is shuffled and sorted is a
        // few chunks of primitive arrays per service, not every row with its file path; grouping on the
        // service column (not a key function) keeps Spark from decoding the chunks on the map side.
        Dataset<Row> results = spark.createDataset(Ingest.chunks(loaded, settings.filter()).rdd(),
                        Encoders.bean(InputChunk.class))
                .groupBy(col("service")).as(Encoders.STRING(), Encoders.bean(InputChunk.class))
                .flatMapGroups((FlatMapGroupsFunction<String, InputChunk, Row>) (service, chunks) ->
                        perService(service, chunks, settings, present, core, outWidth), Encoders.row(bundle))
                .persist(StorageLevel.MEMORY_AND_DISK());
        DataQualityReport quality = SparkErrors.translate(() -> collectQuality(results));
        for (String note : Ingest.absenceNotes(loaded)) {
            quality = quality.withNote(note);
        }
        Column[] outColumns = Arrays.stream(outSchema.fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
        Dataset<Row> out = results.filter(col("_dq_issue").isNull()).select(outColumns);
        if (SparkErrors.translate(out::isEmpty) && !Ingest.anyRequests(loaded, settings.filter())) {
            // an empty output is then not a finding about the services: say why it is empty
            quality = quality.withNote("requests: no rows under " + settings.dataDir() + "/requests"
                    + settings.filter().inWords() + "; the output is empty");
        }
        return new Result(out, quality);
    }

    /**
     * The quality report with a note naming the services of {@code rows} that services.yaml does not list,
     * which were therefore judged against the default SLO (D4).
     */
    public static DataQualityReport defaultSloNote(DataQualityReport quality, Dataset<Row> rows, Set<String> listed) {
        List<String> unlisted = SparkErrors.translate(() -> rows.select("service").distinct().collectAsList()).stream()
                .map(r -> r.getString(0)).filter(s -> s != null && !listed.contains(s)).sorted().toList();
        if (unlisted.isEmpty()) {
            return quality;
        }
        Slo d = Slo.DEFAULT;
        String names = String.join(", ", unlisted.subList(0, Math.min(5, unlisted.size())))
                + (unlisted.size() > 5 ? " and " + (unlisted.size() - 5) + " more" : "");
        return quality.withNote("services.yaml: no entry for " + unlisted.size() + " service(s) (" + names
                + "); judged against the default SLO " + d.percentile().name().toLowerCase(java.util.Locale.ROOT)
                + " <= " + (long) d.thresholdMs() + " ms in " + Math.round(d.objective() * 100) + " % of minutes");
    }

    /** Executor side: one service's rows in, the job's rows and quality rows out. */
    private static Iterator<Row> perService(String service, Iterator<InputChunk> chunks, Settings s,
                                            EnumSet<DatasetKind> present, PerService core, int outWidth) {
        List<InputBlock> input = Ingest.blocks(chunks);
        HistoryAligner aligner = new HistoryAligner(s.stepSeconds(),
                s.fromMs() == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(s.fromMs()),
                s.toMs() == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(s.toMs()), present);
        AlignedService aligned = aligner.align(service, input);
        List<Row> out = new ArrayList<>();
        aligned.history().ifPresent(h -> core.rows(h).forEach(r -> out.add(widen(r, outWidth))));
        for (DataQualityReport.Entry e : aligned.quality().entries()) {
            Object[] v = new Object[outWidth + DQ_COLUMNS.size() + 1];
            v[outWidth] = e.dataset();
            v[outWidth + 1] = e.issue().name();
            v[outWidth + 2] = e.column();
            v[outWidth + 3] = e.exampleFile();
            v[outWidth + 4] = e.count();
            out.add(RowFactory.create(v));
        }
        return out.iterator();
    }

    private static Row widen(Row r, int outWidth) {
        Object[] v = new Object[outWidth + DQ_COLUMNS.size() + 1];
        for (int i = 0; i < outWidth; i++) {
            v[i] = r.get(i);
        }
        return RowFactory.create(v);
    }

    private static StructType bundleSchema(StructType outSchema) {
        StructType s = new StructType();
        for (StructField f : outSchema.fields()) {
            s = s.add(f.name(), f.dataType(), true);
        }
        for (String c : DQ_COLUMNS) {
            s = s.add(c, DataTypes.StringType, true);
        }
        return s.add("_dq_count", DataTypes.LongType, true);
    }

    private static DataQualityReport collectQuality(Dataset<Row> results) {
        List<Row> rows = results.filter(col("_dq_issue").isNotNull())
                .groupBy("_dq_dataset", "_dq_issue", "_dq_column")
                .agg(sum("_dq_count"), min("_dq_file")).collectAsList();
        DataQualityReport.Counter counter = new DataQualityReport.Counter();
        for (Row r : rows) {
            counter.add(r.getString(0), DataIssue.valueOf(r.getString(1)), r.getString(2), r.getLong(3), r.getString(4));
        }
        return counter.report();
    }
}
