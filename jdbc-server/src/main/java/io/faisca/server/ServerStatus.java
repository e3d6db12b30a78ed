package io.faisca.server;

import io.faisca.jdbc.FaiscaVersion;
import io.faisca.jdbc.meta.FaiscaMeta;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code GET /status} reports, for operators and monitoring: clients,
 * running queries, Spark jobs (running now and started so far) and heap.
 */
final class ServerStatus {
  private final SparkSession spark;
  private final FaiscaMeta meta;
  private final AtomicLong jobsStarted = new AtomicLong();

  ServerStatus(SparkSession spark, FaiscaMeta meta) {
    this.spark = spark;
    this.meta = meta;
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override public void onJobStart(SparkListenerJobStart jobStart) {
        jobsStarted.incrementAndGet();
      }
    });
  }

  String json() {
    Runtime runtime = Runtime.getRuntime();
    int activeJobs = spark.sparkContext().isStopped() ? 0
        : spark.sparkContext().statusTracker().getActiveJobIds().length;
    return String.format(Locale.ROOT, "{\"product\":\"%s\",\"version\":\"%s\",\"connections\":%d,"
            + "\"runningQueries\":%d,\"activeSparkJobs\":%d,\"sparkJobsStarted\":%d,"
            + "\"heapUsedBytes\":%d,\"heapMaxBytes\":%d}",
        FaiscaVersion.PRODUCT_NAME, FaiscaVersion.VERSION, meta.connectionCount(), meta.runningQueries(),
        activeJobs, jobsStarted.get(), runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
  }
}
