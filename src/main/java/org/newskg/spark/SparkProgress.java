package org.newskg.spark;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress of the shard-writing job on the driver, one line per event: a shard done (or failed,
 * and retried by Spark), an executor lost; with {@code verbose} also each shard task started.
 * Only the job of the group {@link #GROUP} counts; Spark's own logging stays quiet.
 *
 * <pre>{@code
 * jsc.sc().addSparkListener(new SparkProgress(partitions, false, System.err::println));
 * }</pre>
 */
final class SparkProgress extends SparkListener {
    /** The job group of the job that writes the shards. */
    static final String GROUP = "newskg-shards";
    private final int partitions;
    private final boolean verbose;
    private final Consumer<String> log;
    private volatile int resultStage = -1;
    private int done;

    SparkProgress(int partitions, boolean verbose, Consumer<String> log) {
        this.partitions = partitions;
        this.verbose = verbose;
        this.log = log;
    }

    @Override
    public void onJobStart(SparkListenerJobStart job) {
        if (job.properties() != null && GROUP.equals(job.properties().getProperty("spark.jobGroup.id"))) {
            List<Object> stages = CollectionConverters.asJava(job.stageIds());
            resultStage = stages.stream().mapToInt(s -> (Integer) s).max().orElse(-1);
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart task) {
        if (verbose && task.stageId() == resultStage) {
            log.accept(String.format("shard %d started on executor %s (attempt %d)", task.taskInfo().index(),
                task.taskInfo().executorId(), task.taskInfo().attemptNumber()));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        if (task.stageId() != resultStage) {
            return;
        }
        if (task.taskInfo().successful()) {
            done++;
            log.accept(String.format("shard %d done on executor %s (%d of %d)", task.taskInfo().index(),
                task.taskInfo().executorId(), done, partitions));
        } else {
            String why = task.reason() instanceof TaskFailedReason f ? f.toErrorString() : String.valueOf(task.reason());
            int nl = why.indexOf('\n');
            log.accept(String.format("shard %d failed on executor %s, Spark retries it: %s", task.taskInfo().index(),
                task.taskInfo().executorId(), nl < 0 ? why : why.substring(0, nl)));
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        log.accept("executor " + removed.executorId() + " lost: " + removed.reason());
    }
}
