package io.faisca.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * The job groups of stopped queries, and a listener that cancels any job of
 * one as it starts. Spark's {@code cancelJobGroupAndFutureJobs} refuses later
 * jobs of a cancelled group, but not the map-stage jobs that adaptive
 * execution submits between stages: a query stopped while Spark was between
 * two of its stages would go on running its next stage, unseen.
 */
final class StoppedQueries extends SparkListener {
  /** As many as Spark itself remembers of cancelled job groups. */
  private static final int REMEMBERED = 1000;
  /** Spark allows one context per JVM. */
  private static StoppedQueries current;
  /** Where a job keeps its group among its properties (SparkContext.SPARK_JOB_GROUP_ID, not public in Java). */
  private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

  private final SparkContext context;
  private final Set<String> groups = Collections.synchronizedSet(Collections.newSetFromMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      }));

  private StoppedQueries(SparkContext context) {
    this.context = context;
  }

  /** The stopped queries of {@code context}, listened for from the first on. */
  static synchronized StoppedQueries of(SparkContext context) {
    if (current == null || current.context != context) {
      current = new StoppedQueries(context);
      context.addSparkListener(current);
    }
    return current;
  }

  /** Cancels the group's jobs, those running now and any that start later. */
  void stop(String jobGroup, String reason) {
    groups.add(jobGroup);
    context.cancelJobGroupAndFutureJobs(jobGroup, reason);
  }

  @Override public void onJobStart(SparkListenerJobStart jobStart) {
    String group = jobStart.properties() == null ? null
        : jobStart.properties().getProperty(JOB_GROUP_PROPERTY);
    if (group != null && groups.contains(group)) {
      context.cancelJob(jobStart.jobId(), "the query was stopped");
    }
  }
}
