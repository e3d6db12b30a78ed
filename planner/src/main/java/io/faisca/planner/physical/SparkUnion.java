package io.faisca.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.SetOp;

/** Concatenates inputs (UNION ALL), removing duplicates for UNION DISTINCT. */
public final class SparkUnion extends Union implements SparkRel {
  public SparkUnion(RelOptCluster cluster, RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    super(cluster, traitSet, List.of(), inputs, all);
    assert getConvention() == SparkRel.CONVENTION;
  }

  @Override public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new SparkUnion(getCluster(), traitSet, inputs, all);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
