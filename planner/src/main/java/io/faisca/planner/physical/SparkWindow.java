package io.faisca.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/**
 * Window functions: the input's columns followed by one column per window
 * aggregate, each group a Spark {@code WindowSpec} with its frame.
 */
public final class SparkWindow extends Window implements SparkRel {
  public SparkWindow(RelOptCluster cluster, RelTraitSet traitSet, RelNode input,
      List<RexLiteral> constants, RelDataType rowType, List<Group> groups) {
    super(cluster, traitSet, List.of(), input, constants, rowType, groups);
    assert getConvention() == SparkRel.CONVENTION;
  }

  @Override public Window copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new SparkWindow(getCluster(), traitSet, inputs.get(0), constants, getRowType(), groups);
  }

  @Override public Window copy(List<RexLiteral> constants) {
    return new SparkWindow(getCluster(), traitSet, getInput(), constants, getRowType(), groups);
  }

  @Override public <R> R accept(SparkRelVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
