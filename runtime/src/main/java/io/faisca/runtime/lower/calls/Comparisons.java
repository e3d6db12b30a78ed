package io.faisca.runtime.lower.calls;

import com.google.common.collect.Range;
import io.faisca.runtime.lower.Literals;
import io.faisca.runtime.lower.RexToColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Sarg;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Comparisons, NULL tests, boolean logic and SEARCH (IN lists and ranges). */
final class Comparisons {
  private Comparisons() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.EQUALS, Operands.binary(Column::equalTo));
    registry.kind(SqlKind.NOT_EQUALS, Operands.binary(Column::notEqual));
    registry.kind(SqlKind.LESS_THAN, Operands.binary(Column::lt));
    registry.kind(SqlKind.LESS_THAN_OR_EQUAL, Operands.binary(Column::leq));
    registry.kind(SqlKind.GREATER_THAN, Operands.binary(Column::gt));
    registry.kind(SqlKind.GREATER_THAN_OR_EQUAL, Operands.binary(Column::geq));
    registry.kind(SqlKind.IS_NOT_DISTINCT_FROM, Operands.binary(Column::eqNullSafe));
    registry.kind(SqlKind.IS_DISTINCT_FROM, Operands.binary((a, b) -> functions.not(a.eqNullSafe(b))));
    registry.kind(SqlKind.IS_NULL, Operands.unary(Column::isNull));
    registry.kind(SqlKind.IS_NOT_NULL, Operands.unary(Column::isNotNull));
    registry.kind(SqlKind.IS_TRUE, Operands.unary(c -> functions.coalesce(c, functions.lit(false))));
    registry.kind(SqlKind.IS_NOT_TRUE,
        Operands.unary(c -> functions.not(functions.coalesce(c, functions.lit(false)))));
    registry.kind(SqlKind.IS_FALSE,
        Operands.unary(c -> functions.coalesce(functions.not(c), functions.lit(false))));
    registry.kind(SqlKind.IS_NOT_FALSE, Operands.unary(c -> functions.coalesce(c, functions.lit(true))));
    registry.kind(SqlKind.AND, Operands.fold(Column::and));
    registry.kind(SqlKind.OR, Operands.fold(Column::or));
    registry.kind(SqlKind.NOT, Operands.unary(functions::not));
    registry.kind(SqlKind.SEARCH, Comparisons::search);
  }

  /**
   * A set of points with SQL's NULL semantics becomes Spark's IN; ranges and
   * other NULL treatments are expanded into comparisons first.
   */
  private static Column search(RexCall call, RexToColumn rex) {
    RexNode operand = call.getOperands().get(0);
    RexLiteral sargLiteral = (RexLiteral) call.getOperands().get(1);
    Sarg<?> sarg = sargLiteral.getValueAs(Sarg.class);
    if (sarg != null && sarg.isPoints() && sarg.nullAs == RexUnknownAs.UNKNOWN && sarg.pointCount > 1) {
      List<Object> values = new ArrayList<>();
      for (Range<?> range : sarg.rangeSet.asRanges()) {
        values.add(Literals.fromCalcite(range.lowerEndpoint(), operand.getType()));
      }
      return rex.lower(operand).isin(values.toArray());
    }
    RexNode expanded = RexUtil.expandSearch(rex.context().rexBuilder(), null, call);
    return rex.lower(expanded);
  }
}
