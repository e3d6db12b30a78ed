package io.faisca.planner.physical;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A relational operator in Faísca's physical convention: one that the
 * runtime lowers to a Spark Dataset stage.
 */
public interface SparkRel extends RelNode {
  /** Calling convention for operators that run as Spark Dataset stages. */
  Convention CONVENTION = new Convention.Impl("SPARK", SparkRel.class);

  /** Hands this operator to the visitor method made for its class. */
  <R> R accept(SparkRelVisitor<R> visitor);
}
