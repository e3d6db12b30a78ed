package io.faisca.tpch;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.FetchFailed;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Kills an executor JVM ({@code kill -9}) as soon as it has written a query's first shuffle map output,
 * then records what Spark did about it: the executor removed, tasks failed for the loss, stages
 * run again (an attempt number above 0).
 */
final class ExecutorLossListener extends SparkListener {
  private final Consumer<String> kill;
  private final AtomicBoolean killed = new AtomicBoolean();
  final AtomicLong killedAtNanos = new AtomicLong();
  final CountDownLatch executorRemoved = new CountDownLatch(1);
  final AtomicLong replacementAddedAtNanos = new AtomicLong();
  final CountDownLatch replacementAdded = new CountDownLatch(1);
  final AtomicInteger highestStageAttempt = new AtomicInteger();
  final AtomicInteger tasksFailedByTheLoss = new AtomicInteger();

  /** {@code kill} takes the id of the executor to kill. */
  ExecutorLossListener(Consumer<String> kill) {
    this.kill = kill;
  }

  @Override public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    highestStageAttempt.accumulateAndGet(submitted.stageInfo().attemptNumber(), Math::max);
  }

  @Override public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskType().equals("ShuffleMapTask") && end.taskInfo().successful() && killed.compareAndSet(false, true)) {
      killedAtNanos.set(System.nanoTime());
      kill.accept(end.taskInfo().executorId());
    }
    if (end.reason() instanceof ExecutorLostFailure || end.reason() instanceof FetchFailed) {
      tasksFailedByTheLoss.incrementAndGet();
    }
  }

  @Override public void onExecutorAdded(SparkListenerExecutorAdded added) {
    if (killed.get()) {
      replacementAddedAtNanos.compareAndSet(0, System.nanoTime());
      replacementAdded.countDown();
    }
  }

  @Override public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    if (killed.get()) {
      executorRemoved.countDown();
    }
  }
}
