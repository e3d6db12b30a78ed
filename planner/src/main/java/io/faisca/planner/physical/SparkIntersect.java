package io.faisca.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.SetOp;

/** Rows present in every input (INTERSECT ALL keeps multiplicities). */
public final class SparkIntersect extends Intersect implements SparkRel {
  public SparkIntersect(RelOptCluster cluster, RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    super(cluster, traitSet, List.of(), inputs, all);
    assert getConvention() == SparkRel.CONVENTION;
  }

  @Override public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new SparkIntersect(getCluster(), traitSet, inputs, all);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
