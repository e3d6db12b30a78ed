package io.faisca.runtime;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LocalTableScanExec;

/**
 * A running query. Rows come partition by partition from Spark
 * ({@code toLocalIterator}): one partition at a time is held on the driver,
 * never the whole result. Every Spark job the query starts belongs to one
 * job group, described by the SQL text, so it can be seen and cancelled.
 */
public final class QueryExecution implements Iterator<Row>, AutoCloseable {
  private final SparkSession spark;
  private final Supplier<Dataset<Row>> datasetSupplier;
  private final String jobGroup;
  private final String description;
  private Iterator<Row> rows;
  private volatile boolean exhausted;
  private volatile boolean closed;

  QueryExecution(SparkSession spark, Supplier<Dataset<Row>> dataset, String jobGroup, String description) {
    this.spark = spark;
    this.datasetSupplier = dataset;
    this.jobGroup = jobGroup;
    this.description = description;
  }

  public String jobGroup() {
    return jobGroup;
  }

  /** Lowers the plan and asks Spark for the first partition; errors in the query surface here. */
  public QueryExecution start() {
    hasNext();
    return this;
  }

  @Override public boolean hasNext() {
    return inJobGroup(() -> {
      if (rows == null) {
        rows = iterate(datasetSupplier.get());
      }
      boolean more = rows.hasNext();
      exhausted = !more;
      return more;
    });
  }

  @Override public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return inJobGroup(rows::next);
  }

  /** The next rows, at most {@code max}, fewer only when the result ends; one call into Spark for all. */
  public List<Row> next(int max) {
    return inJobGroup(() -> {
      if (rows == null) {
        rows = iterate(datasetSupplier.get());
      }
      List<Row> batch = new ArrayList<>(Math.min(max, 4096));
      while (batch.size() < max && !exhausted) {
        exhausted = !rows.hasNext();
        if (!exhausted) {
          batch.add(rows.next());
        }
      }
      return batch;
    });
  }

  /** The stages of this query's Spark jobs that run now, in the order Spark started them. */
  public List<StageProgress> progress() {
    SparkContext context = spark.sparkContext();
    if (context.isStopped()) {
      return List.of();
    }
    JavaSparkStatusTracker tracker = JavaSparkContext.fromSparkContext(context).statusTracker();
    Set<Integer> active = new HashSet<>();
    for (int stageId : tracker.getActiveStageIds()) {
      active.add(stageId);
    }
    List<StageProgress> stages = new ArrayList<>();
    for (int jobId : tracker.getJobIdsForGroup(jobGroup)) {
      SparkJobInfo job = tracker.getJobInfo(jobId);
      for (int stageId : job == null ? new int[0] : job.stageIds()) {
        SparkStageInfo stage = active.contains(stageId) ? tracker.getStageInfo(stageId) : null;
        if (stage != null) {
          stages.add(new StageProgress(stageId, stage.numTasks(), stage.numCompletedTasks(), stage.numActiveTasks()));
        }
      }
    }
    stages.sort(Comparator.comparingInt(StageProgress::stageId));
    return List.copyOf(stages);
  }

  /** Cancels the Spark jobs of this query, those running now and any it would start later. */
  public void cancel() {
    StoppedQueries.of(spark.sparkContext()).stop(jobGroup, "the query was stopped");
  }

  /** Stops the query; Spark jobs still running for it are cancelled. */
  @Override public void close() {
    if (!closed) {
      closed = true;
      if (!exhausted) {
        cancel();
      }
    }
  }

  /**
   * Rows partition by partition; rows Spark already holds on the driver (a
   * query without tables, such as a client's {@code SELECT 1} health check)
   * come without starting a Spark job.
   */
  private static Iterator<Row> iterate(Dataset<Row> dataset) {
    if (dataset.queryExecution().executedPlan() instanceof LocalTableScanExec) {
      return dataset.collectAsList().iterator();
    }
    return dataset.toLocalIterator();
  }

  private <T> T inJobGroup(Supplier<T> action) {
    if (closed) {
      throw new FaiscaException(ErrorCode.QUERY_CANCELLED, "The query was closed");
    }
    SparkContext context = spark.sparkContext();
    // Interrupting the task threads of a cancelled job (as Spark's own JDBC server does) stops tasks waiting
    // on I/O at once, not when the wait ends.
    context.setJobGroup(jobGroup, description, true);
    try {
      return action.get();
    } catch (Exception e) {
      // Spark's Scala code also throws checked exceptions (a denied HDFS access is an IOException).
      if (closed) {
        throw new FaiscaException(ErrorCode.QUERY_CANCELLED, "Query cancelled", e);
      }
      throw SparkErrors.translate(e);
    } catch (StackOverflowError e) {
      throw new FaiscaException(ErrorCode.QUERY_TOO_COMPLEX, "The statement is too deeply nested to run");
    } finally {
      context.clearJobGroup();
    }
  }
}
