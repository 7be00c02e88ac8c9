package dev.scalewise.jobs;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

import java.util.concurrent.TimeUnit;

/**
 * On a cluster, a job whose executors never come (no worker, not enough free memory or cores for
 * spark.executor.memory/cores, every executor lost and none replacing it) waits forever while Spark logs
 * "Initial job has not accepted any resources". This watch cancels the waiting jobs once no executor has
 * been registered for {@code spark.scalewise.executorWait} (default 120s) while a job waits, with a
 * reason that {@link ClusterFailure#of} reports in one line. With dynamic allocation a job may wait for
 * its first executors a while: the same limit applies.
 */
public final class ClusterWatch extends SparkListener implements AutoCloseable {
    static final String WAIT_KEY = "spark.scalewise.executorWait";

    private final SparkContext sc;
    private final String master;
    private final long waitMs;
    private final Thread thread;
    private volatile String lastLoss = "";

    private ClusterWatch(SparkContext sc, String master) {
        this.sc = sc;
        this.master = master;
        this.waitMs = sc.getConf().getTimeAsMs(WAIT_KEY, "120s");
        this.thread = new Thread(this::watch, "scalewise-cluster-watch");
        thread.setDaemon(true);
    }

    static ClusterWatch start(SparkContext sc, String master) {
        ClusterWatch w = new ClusterWatch(sc, master);
        sc.addSparkListener(w);
        w.thread.start();
        return w;
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        lastLoss = "executor " + removed.executorId() + " lost: " + removed.reason();
    }

    private void watch() {
        long waitingSince = -1;
        try {
            while (!sc.isStopped()) {
                TimeUnit.MILLISECONDS.sleep(250);
                int[] jobs = sc.statusTracker().getActiveJobIds();
                // the driver is one of the "executors" the tracker lists
                boolean noExecutor = sc.statusTracker().getExecutorInfos().length <= 1;
                if (jobs.length == 0 || !noExecutor) {
                    waitingSince = -1;
                } else if (waitingSince < 0) {
                    waitingSince = System.nanoTime();
                } else if (System.nanoTime() - waitingSince >= TimeUnit.MILLISECONDS.toNanos(waitMs)) {
                    String reason = "because " + ClusterFailure.NO_EXECUTOR + waitMs / 1000 + " s (master " + master + ": are workers up, with "
                            + "the memory and cores an executor asks for?" + (lastLoss.isEmpty() ? "" : " Last " + lastLoss + ".")
                            + " --conf " + WAIT_KEY + "=DURATION waits longer)";
                    for (int job : jobs) {
                        sc.cancelJob(job, reason);
                    }
                    waitingSince = -1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        sc.removeSparkListener(this);
    }
}
