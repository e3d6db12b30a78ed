package io.faisca.planner.physical;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** Rows written in the query: a small local Dataset. */
public final class SparkValues extends Values implements SparkRel {
  public SparkValues(RelOptCluster cluster, RelDataType rowType,
      ImmutableList<ImmutableList<RexLiteral>> tuples, RelTraitSet traitSet) {
    super(cluster, List.of(), rowType, tuples, traitSet);
    assert getConvention() == SparkRel.CONVENTION;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SparkValues(getCluster(), getRowType(), tuples, traitSet);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
