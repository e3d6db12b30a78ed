package io.faisca.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives every literal of a floating-point VALUES column a Double value. The
 * converter leaves a DECIMAL literal's BigDecimal in a DOUBLE column beside
 * the Double of an approximate literal ({@code VALUES (0.5), (1e300)}), and
 * Calcite's predicate metadata fails comparing the two.
 */
final class ApproximateValues extends RelHomogeneousShuttle {
  private final RexBuilder rexBuilder;

  private ApproximateValues(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  static RelNode apply(RelNode plan) {
    return plan.accept(new ApproximateValues(plan.getCluster().getRexBuilder()));
  }

  @Override public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (!(visited instanceof LogicalValues values)) {
      return visited;
    }
    List<RelDataType> types = values.getRowType().getFieldList().stream().map(f -> f.getType()).toList();
    List<List<RexLiteral>> tuples = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      List<RexLiteral> fixed = new ArrayList<>();
      for (int i = 0; i < tuple.size(); i++) {
        fixed.add(approximate(tuple.get(i), types.get(i)));
      }
      tuples.add(fixed);
    }
    return LogicalValues.create(values.getCluster(), values.getRowType(),
        com.google.common.collect.ImmutableList.copyOf(tuples.stream()
            .map(com.google.common.collect.ImmutableList::copyOf).toList()));
  }

  private RexLiteral approximate(RexLiteral literal, RelDataType column) {
    if (literal.isNull() || !SqlTypeName.APPROX_TYPES.contains(column.getSqlTypeName())
        || literal.getValue() instanceof Double) {
      return literal;
    }
    return rexBuilder.makeApproxLiteral(literal.getValueAs(Double.class), column);
  }
}
