package dev.scalewise.jobs;

import dev.scalewise.UserError;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Failures of the cluster are told apart from data errors by the messages Spark gives them (Spark's
 * TaskEndReason.ExecutorLostFailure.toErrorString, StandaloneAppClient's "All masters are unresponsive!
 * Giving up.", LiveListenerBus.post on a stopped bus, DAGScheduler's "Job N cancelled REASON"). The live
 * cases (no master, no executor) run against a real standalone cluster in StandaloneClusterIT.
 */
class ClusterFailureTest {
    @Test
    void anExecutorLostInAStageIsReportedAsSuch() {
        Exception e = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times, "
                + "most recent failure: Lost task 0.3 in stage 3.0 (TID 9) (127.0.0.1 executor 2): ExecutorLostFailure "
                + "(executor 2 exited caused by one of the running tasks) Reason: Command exited with code 137\n"
                + "Driver stacktrace:\n\tat org.apache.spark...");
        assertEquals(Optional.of("a Spark executor was lost: ExecutorLostFailure (executor 2 exited caused by one of "
                + "the running tasks) Reason: Command exited with code 137"), ClusterFailure.of(e));
    }

    @Test
    void aStoppedContextWrappedAsAReadErrorIsStillTheCluster() {
        Exception e = new UserError("requests: cannot read sample-data/requests: LiveListenerBus is stopped.",
                new IllegalStateException("LiveListenerBus is stopped."));
        assertEquals(Optional.of("the Spark application was stopped: LiveListenerBus is stopped."), ClusterFailure.of(e));
        assertEquals(Optional.of("cannot reach the Spark master: All masters are unresponsive! Giving up."),
                ClusterFailure.of(new IllegalStateException("x", new RuntimeException(
                        "Exiting due to error from cluster scheduler: All masters are unresponsive! Giving up."))));
    }

    @Test
    void theWatchsCancellationAndOurOwnFailuresKeepTheirWords() {
        assertEquals(Optional.of("no Spark executor registered in 10 s (master spark://127.0.0.1:7077)"),
                ClusterFailure.of(new RuntimeException("Job 3 cancelled because no Spark executor registered in 10 s "
                        + "(master spark://127.0.0.1:7077)")));
        assertEquals(Optional.of("cannot reach the Spark master spark://h:1"),
                ClusterFailure.of(new RuntimeException("wrapped", new ClusterFailure("cannot reach the Spark master spark://h:1"))));
    }

    @Test
    void dataErrorsAreNotTheCluster() {
        assertEquals(Optional.empty(), ClusterFailure.of(new UserError("requests: cannot read x: Path does not exist",
                new FileNotFoundException("x"))));
        assertEquals(Optional.empty(), ClusterFailure.of(new IllegalStateException((String) null)));
    }
}
