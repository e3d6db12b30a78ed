package io.faisca.server;

import io.faisca.jdbc.FaiscaVersion;
import io.faisca.jdbc.meta.FaiscaMeta;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code GET /status} reports, for operators and monitoring: clients,
 * running queries, Spark jobs (running now and started so far), where Spark runs (master, application,
 * its web UI, executors) and heap.
 */
final class ServerStatus {
  private final SparkSession spark;
  private final FaiscaMeta meta;
  private final AtomicLong jobsStarted = new AtomicLong();
  /**
   * Counted here from task events: Spark's status store writes a task's start at most every 100 ms
   * per executor, so it may show none running while one is.
   */
  private final AtomicInteger runningTasks = new AtomicInteger();

  ServerStatus(SparkSession spark, FaiscaMeta meta) {
    this.spark = spark;
    this.meta = meta;
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onJobStart(SparkListenerJobStart jobStart) {
        jobsStarted.incrementAndGet();
      }

      @Override public void onTaskStart(SparkListenerTaskStart taskStart) {
        runningTasks.incrementAndGet();
      }

      @Override public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        runningTasks.decrementAndGet();
      }
    });
  }

  String json() {
    Runtime runtime = Runtime.getRuntime();
    SparkContext context = spark.sparkContext();
    boolean stopped = context.isStopped();
    int activeJobs = stopped ? 0 : context.statusTracker().getActiveJobIds().length;
    // The driver is listed among the executors; on one machine it is the only one, and runs the tasks.
    int executors = stopped || context.isLocal() ? 0 : context.statusTracker().getExecutorInfos().length - 1;
    return String.format(Locale.ROOT, "{\"product\":\"%s\",\"version\":\"%s\",\"connections\":%d,"
            + "\"runningQueries\":%d,\"activeSparkJobs\":%d,\"runningSparkTasks\":%d,\"sparkJobsStarted\":%d,"
            + "\"sparkMaster\":%s,\"sparkApplicationId\":%s,\"sparkUi\":%s,\"sparkExecutors\":%d,"
            + "\"heapUsedBytes\":%d,\"heapMaxBytes\":%d}",
        FaiscaVersion.PRODUCT_NAME, FaiscaVersion.VERSION, meta.connectionCount(), meta.runningQueries(),
        activeJobs, stopped ? 0 : runningTasks.get(), jobsStarted.get(), quoted(context.master()),
        quoted(context.applicationId()), quoted(context.uiWebUrl().getOrElse(() -> null)), executors,
        runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
  }

  /** A JSON string, or null. */
  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
