package io.faisca.planner.physical;

import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Joins two inputs on any condition: inner, left, right, full, semi or anti.
 * Spark picks the physical strategy (broadcast, shuffled hash, sort-merge,
 * nested loop) from the condition and the sizes it sees at run time.
 */
public final class SparkJoin extends Join implements SparkRel {
  /** Which input, if any, the planner's estimates show small enough to broadcast to every task. */
  public enum Broadcast { NONE, LEFT, RIGHT }

  private final Broadcast broadcast;

  public SparkJoin(RelOptCluster cluster, RelTraitSet traitSet, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType) {
    this(cluster, traitSet, left, right, condition, joinType, Broadcast.NONE);
  }

  public SparkJoin(RelOptCluster cluster, RelTraitSet traitSet, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType, Broadcast broadcast) {
    super(cluster, traitSet, java.util.List.of(), left, right, condition, Set.<CorrelationId>of(), joinType);
    this.broadcast = broadcast;
    assert getConvention() == SparkRel.CONVENTION;
  }

  /** An input this small costs next to nothing to loop over for every row of the other. */
  private static final double TINY_INPUT_ROWS = 100;

  public Broadcast broadcast() {
    return broadcast;
  }

  public SparkJoin withBroadcast(Broadcast side) {
    return new SparkJoin(getCluster(), traitSet, left, right, condition, joinType, side);
  }

  /**
   * Whether Spark runs this join as a nested loop over an input that may be large: no equality
   * links the inputs, and neither is known to hold only a few rows. For each row it reads on one
   * side, Spark then loops over the whole other side without checking whether it was cancelled.
   */
  public boolean loopsOverLargeInput(RelMetadataQuery mq) {
    return analyzeCondition().leftKeys.isEmpty()
        && !atMostTiny(mq.getMaxRowCount(left)) && !atMostTiny(mq.getMaxRowCount(right));
  }

  private static boolean atMostTiny(@Nullable Double maxRows) {
    return maxRows != null && maxRows <= TINY_INPUT_ROWS;
  }

  @Override public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right,
      JoinRelType joinType, boolean semiJoinDone) {
    return new SparkJoin(getCluster(), traitSet, left, right, condition, joinType, broadcast);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("broadcast", broadcast, broadcast != Broadcast.NONE);
  }

  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double left = mq.getRowCount(getLeft());
    double right = mq.getRowCount(getRight());
    double rows = mq.getRowCount(this);
    boolean equi = !analyzeCondition().leftKeys.isEmpty();
    double cpu = equi ? left + right + rows : left * right;
    return planner.getCostFactory().makeCost(rows, cpu, left + right);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
