package io.faisca.runtime.lower.calls;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * + - * / and MOD. Integer division stays integer division (truncating, as
 * Calcite types it); overflow and division by zero raise errors because
 * Spark runs in ANSI mode. Datetime plus and minus an interval use the same
 * operators: Spark adds a year-month or day-time interval natively.
 */
final class Arithmetic {
  private Arithmetic() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.PLUS, Operands.binary(Column::plus));
    registry.kind(SqlKind.MINUS, Operands.binary(Column::minus));
    registry.kind(SqlKind.TIMES, Operands.binary(Column::multiply));
    registry.kind(SqlKind.DIVIDE, Arithmetic::divide);
    registry.name("/INT", Arithmetic::divide);
    registry.kind(SqlKind.MOD, Operands.binary(Column::mod));
    registry.kind(SqlKind.MINUS_PREFIX, Operands.unary(functions::negate));
    registry.kind(SqlKind.PLUS_PREFIX, Operands.unary(c -> c));
  }

  private static Column divide(RexCall call, io.faisca.runtime.lower.RexToColumn rex) {
    Column left = rex.lower(call.getOperands().get(0));
    Column right = rex.lower(call.getOperands().get(1));
    if (isInteger(call.getOperands().get(0).getType()) && isInteger(call.getOperands().get(1).getType())) {
      return functions.call_function("div", left, right);
    }
    return left.divide(right);
  }

  private static boolean isInteger(RelDataType type) {
    return SqlTypeUtil.isExactNumeric(type) && type.getSqlTypeName() != SqlTypeName.DECIMAL;
  }
}
