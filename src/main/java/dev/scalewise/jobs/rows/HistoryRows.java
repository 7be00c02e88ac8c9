package dev.scalewise.jobs.rows;

import dev.scalewise.data.LlmSeries;
import dev.scalewise.data.ServiceHistory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One service's aligned history as a single Spark row of arrays, so a single-service command
 * (`replay`) can bring exactly that service to the driver and run the pure-Java core there.
 */
public final class HistoryRows {
    private static final List<String> SERIES = Stream.concat(Stream.of("requests", "replicas", "in_flight",
            "queue_depth", "p50_ms", "p95_ms", "p99_ms", "gpu_util", "cpu_util", "mem_util", "cost"),
            LlmSeries.NAMES.stream()).toList();
    private static final int FIRST_SERIES = 4;
    private static final int FIRST_LLM = FIRST_SERIES + SERIES.size() - LlmSeries.NAMES.size();

    public static final StructType SCHEMA;

    static {
        StructType s = new StructType().add("service", DataTypes.StringType).add("start_ms", DataTypes.LongType)
                .add("step_seconds", DataTypes.IntegerType).add("currency", DataTypes.StringType);
        for (String name : SERIES) {
            s = s.add(name, DataTypes.createArrayType(DataTypes.DoubleType, false));
        }
        SCHEMA = s;
    }

    private HistoryRows() {
    }

    public static Row toRow(ServiceHistory h) {
        List<Object> values = new ArrayList<>(List.of(h.service(), h.start().toEpochMilli(), h.stepSeconds(),
                h.currency()));
        for (double[] a : List.of(h.requests(), h.replicas(), h.inFlight(), h.queueDepth(), h.p50Ms(), h.p95Ms(),
                h.p99Ms(), h.gpuUtil(), h.cpuUtil(), h.memUtil(), h.cost())) {
            values.add(boxed(a));
        }
        for (double[] a : h.llm().series()) {
            values.add(boxed(a));
        }
        return RowFactory.create(values.toArray());
    }

    public static ServiceHistory fromRow(Row r) {
        double[][] llm = new double[LlmSeries.NAMES.size()][];
        for (int k = 0; k < llm.length; k++) {
            llm[k] = series(r, FIRST_LLM + k);
        }
        return new ServiceHistory(r.getString(0), Instant.ofEpochMilli(r.getLong(1)), r.getInt(2), series(r, 4),
                series(r, 5), series(r, 6), series(r, 7), series(r, 8), series(r, 9), series(r, 10), series(r, 11),
                series(r, 12), series(r, 13), series(r, 14), r.getString(3), LlmSeries.of(llm));
    }

    private static Double[] boxed(double[] a) {
        Double[] out = new Double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    private static double[] series(Row r, int i) {
        List<Double> list = r.getList(i);
        double[] out = new double[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = list.get(k);
        }
        return out;
    }
}
