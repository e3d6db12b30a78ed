package io.faisca.runtime.lower.calls;

import io.faisca.runtime.SparkErrors;
import java.util.Set;
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
 * operators: Spark adds a year-month or day-time interval natively, and a
 * result past year 9999 (SQL's last) is an error, as PostgreSQL's past its own.
 */
final class Arithmetic {
  private static final Set<SqlTypeName> DATETIMES = Set.of(SqlTypeName.DATE, SqlTypeName.TIMESTAMP,
      SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

  private Arithmetic() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.PLUS, (call, rex) -> inRange(call, Operands.binary(Column::plus).lower(call, rex)));
    registry.kind(SqlKind.MINUS, (call, rex) -> inRange(call, Operands.binary(Column::minus).lower(call, rex)));
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

  /** Spark's dates and timestamps reach far past year 9999, which JDBC clients then misread. */
  private static Column inRange(RexCall call, Column result) {
    if (!DATETIMES.contains(call.getType().getSqlTypeName())) {
      return result;
    }
    Column year = functions.year(result);
    return functions.when(year.gt(9999).or(year.lt(1)),
        functions.raise_error(functions.lit(SparkErrors.DATETIME_OUT_OF_RANGE))).otherwise(result);
  }

  private static boolean isInteger(RelDataType type) {
    return SqlTypeUtil.isExactNumeric(type) && type.getSqlTypeName() != SqlTypeName.DECIMAL;
  }
}
