package dev.scalewise.jobs;

import dev.scalewise.backtest.ServiceBacktest;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Sums the time the executors spend inside the replay kernel (each policy's {@code PolicyReplay.run})
 * with Spark accumulators: the denominator of the Spark-overhead figure (end-to-end time / kernel time,
 * docs/BENCHMARKS.md §2). The clocks are read here, in the jobs layer; the core reads none.
 *
 * <p>Accumulators updated inside a transformation count a task twice if Spark reruns it (a lost executor,
 * an evicted cached partition): the figure is a measurement aid, never part of the results.
 */
final class ReplayKernelTimer implements Serializable {
    private final LongAccumulator cpuNanos;
    private final LongAccumulator wallNanos;
    private final LongAccumulator replays;

    private ReplayKernelTimer(LongAccumulator cpuNanos, LongAccumulator wallNanos, LongAccumulator replays) {
        this.cpuNanos = cpuNanos;
        this.wallNanos = wallNanos;
        this.replays = replays;
    }

    static ReplayKernelTimer register(SparkSession spark) {
        return new ReplayKernelTimer(spark.sparkContext().longAccumulator("replay kernel CPU ns"),
                spark.sparkContext().longAccumulator("replay kernel wall ns"),
                spark.sparkContext().longAccumulator("policy replays"));
    }

    /** Executor side: {@code inner}, with the thread's CPU time and the elapsed time of each call added up. */
    ServiceBacktest.PolicyReplayer around(ServiceBacktest.PolicyReplayer inner) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        return (policy, history, model, spec) -> {
            long cpu0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long wall0 = System.nanoTime();
            try {
                return inner.replay(policy, history, model, spec);
            } finally {
                long wall = System.nanoTime() - wall0;
                cpuNanos.add(cpu ? threads.getCurrentThreadCpuTime() - cpu0 : wall);
                wallNanos.add(wall);
                replays.add(1);
            }
        };
    }

    /** Driver side, after an action has run the replays. */
    BacktestJob.KernelTime read(int cores) {
        return new BacktestJob.KernelTime(cpuNanos.value() / 1e9, wallNanos.value() / 1e9, replays.value(), cores);
    }
}
