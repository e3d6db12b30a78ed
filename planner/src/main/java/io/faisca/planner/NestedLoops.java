package io.faisca.planner;

import io.faisca.planner.physical.SparkJoin;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Finds the joins of a physical plan that Spark runs as nested loops over a large input. */
final class NestedLoops {
  private NestedLoops() {
  }

  static boolean overLargeInput(RelNode plan, RelMetadataQuery mq) {
    if (plan instanceof SparkJoin join && join.loopsOverLargeInput(mq)) {
      return true;
    }
    return plan.getInputs().stream().anyMatch(input -> overLargeInput(input, mq));
  }
}
