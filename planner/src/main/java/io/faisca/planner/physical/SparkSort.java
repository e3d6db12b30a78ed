package io.faisca.planner.physical;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Orders rows (a global sort, NULLs placed as the collation says) and applies
 * OFFSET and FETCH; with no collation it is a plain limit.
 */
public final class SparkSort extends Sort implements SparkRel {
  public SparkSort(RelOptCluster cluster, RelTraitSet traitSet, RelNode input, RelCollation collation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    super(cluster, traitSet, input, collation, offset, fetch);
    assert getConvention() == SparkRel.CONVENTION;
  }

  @Override public Sort copy(RelTraitSet traitSet, RelNode newInput, RelCollation newCollation,
      @Nullable RexNode offset, @Nullable RexNode fetch) {
    return new SparkSort(getCluster(), traitSet, newInput, newCollation, offset, fetch);
  }

  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    double cpu = collation.getFieldCollations().isEmpty() ? rows : rows * Math.log(Math.max(2, rows));
    return planner.getCostFactory().makeCost(rows, cpu, rows);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
