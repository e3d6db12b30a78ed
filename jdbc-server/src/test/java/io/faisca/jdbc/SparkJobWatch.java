package io.faisca.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark jobs the embedded engine starts, by the description Faísca gives
 * them (the statement's SQL). Spark reports jobs to listeners asynchronously,
 * in order: once a later job has been reported, every earlier one has.
 */
final class SparkJobWatch extends SparkListener implements AutoCloseable {
  private final SparkContext context;
  private final List<String> started = new CopyOnWriteArrayList<>();

  private SparkJobWatch(SparkContext context) {
    this.context = context;
  }

  /** Watches the Spark session an embedded connection opened. */
  static SparkJobWatch start() {
    SparkJobWatch watch = new SparkJobWatch(SparkSession.getDefaultSession().get().sparkContext());
    watch.context.addSparkListener(watch);
    return watch;
  }

  @Override public void onJobStart(SparkListenerJobStart job) {
    started.add(String.valueOf(job.properties().getProperty("spark.job.description")));
  }

  /** The descriptions of the jobs started so far, once the job of {@code marker} (run meanwhile) is among them. */
  List<String> upTo(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!started.contains(marker) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return List.copyOf(started);
  }

  @Override public void close() {
    context.removeSparkListener(this);
  }
}
