package io.faisca.runtime;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.exchange.BroadcastExchangeLike;
import org.apache.spark.sql.execution.exchange.ShuffleExchangeLike;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Where Spark cuts a query into stages, for EXPLAIN: each shuffle exchange ends a stage (its map side
 * writes shuffle files the next stage reads), each broadcast exchange is a job of its own that collects a
 * table to the driver and sends it to every executor. With adaptive execution these are the exchanges
 * Spark starts from; it may coalesce partitions or turn a join into a broadcast as it goes.
 */
final class SparkStages {
  private final List<SparkPlan> shuffles = new ArrayList<>();
  private final List<SparkPlan> broadcasts = new ArrayList<>();

  private SparkStages() {
  }

  static String describe(SparkPlan plan) {
    SparkStages stages = new SparkStages();
    stages.walk(plan);
    StringBuilder text = new StringBuilder("== Stages ==\n")
        .append(stages.shuffles.size() + 1).append(stages.shuffles.size() == 0 ? " stage" : " stages")
        .append(" (").append(count(stages.shuffles.size(), "shuffle")).append("), ")
        .append(count(stages.broadcasts.size(), "broadcast")).append('\n');
    stages.shuffles.forEach(exchange -> text.append("shuffle: ").append(oneLine(exchange)).append('\n'));
    stages.broadcasts.forEach(exchange -> text.append("broadcast: ").append(oneLine(exchange)).append('\n'));
    return text.toString().stripTrailing();
  }

  private void walk(SparkPlan node) {
    if (node instanceof AdaptiveSparkPlanExec adaptive) {
      walk(adaptive.initialPlan());
      return;
    }
    if (node instanceof ShuffleExchangeLike) {
      shuffles.add(node);
    } else if (node instanceof BroadcastExchangeLike) {
      broadcasts.add(node);
    }
    CollectionConverters.asJava(node.children()).forEach(this::walk);
    // Sub-queries Spark runs as plans of their own (scalar sub-queries, dynamic pruning) have exchanges too.
    CollectionConverters.asJava(node.subqueries()).forEach(this::walk);
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String oneLine(SparkPlan exchange) {
    return exchange.simpleString(25).replaceAll("\\s+", " ").strip();
  }
}
