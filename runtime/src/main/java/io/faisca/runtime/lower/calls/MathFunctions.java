package io.faisca.runtime.lower.calls;

import io.faisca.runtime.SparkErrors;
import io.faisca.runtime.lower.RexToColumn;
import java.util.function.UnaryOperator;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Numeric functions. FLOOR and CEIL of a datetime move it down or up to a
 * whole unit, as date_trunc does; a week starts on Monday.
 */
final class MathFunctions {
  private MathFunctions() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.name("ABS", Operands.unary(functions::abs));
    registry.name("POWER", Operands.binary(functions::pow));
    registry.name("SQRT", Operands.unary(functions::sqrt));
    registry.name("CBRT", Operands.unary(functions::cbrt));
    registry.name("EXP", Operands.unary(functions::exp));
    registry.name("LN", Operands.unary(x -> logarithm(x, functions::log)));
    registry.name("LOG10", Operands.unary(x -> logarithm(x, functions::log10)));
    registry.name("SIGN", Operands.unary(functions::signum));
    registry.name("PI", (call, rex) -> functions.pi());
    registry.name("RAND", (call, rex) -> random(call, 0));
    registry.name("RAND_INTEGER", (call, rex) -> functions.floor(
        random(call, 1).multiply(rex.lower(call.getOperands().get(call.getOperands().size() - 1)))));
    registry.name("TRUNCATE", MathFunctions::truncate);
    registry.name("SIN", Operands.unary(functions::sin));
    registry.name("COS", Operands.unary(functions::cos));
    registry.name("TAN", Operands.unary(functions::tan));
    registry.name("COT", Operands.unary(functions::cot));
    registry.name("ASIN", Operands.unary(functions::asin));
    registry.name("ACOS", Operands.unary(functions::acos));
    registry.name("ATAN", Operands.unary(functions::atan));
    registry.name("ATAN2", Operands.binary(functions::atan2));
    registry.name("DEGREES", Operands.unary(functions::degrees));
    registry.name("RADIANS", Operands.unary(functions::radians));
    registry.name("ROUND", MathFunctions::round);
    registry.kind(SqlKind.FLOOR, (call, rex) -> floorOrCeil(call, rex, true));
    registry.kind(SqlKind.CEIL, (call, rex) -> floorOrCeil(call, rex, false));
  }

  /**
   * LN and LOG10 of zero or a negative number raise an error, as in PostgreSQL
   * and as Calcite does when it folds a constant; Spark would return NULL.
   */
  private static Column logarithm(Column x, UnaryOperator<Column> log) {
    return functions.when(x.equalTo(0), functions.raise_error(functions.lit(SparkErrors.LOGARITHM_OF_ZERO)))
        .when(x.lt(0), functions.raise_error(functions.lit(SparkErrors.LOGARITHM_OF_NEGATIVE)))
        .otherwise(log.apply(x));
  }

  /** RAND([seed]) and RAND_INTEGER([seed,] bound): operands before {@code seedless} are the seed. */
  private static Column random(RexCall call, int seedless) {
    if (call.getOperands().size() == seedless) {
      return functions.rand();
    }
    return functions.rand(((Number) Operands.literal(call, 0, "seed")).longValue());
  }

  /** TRUNCATE(x [, digits]) rounds toward zero. */
  private static Column truncate(RexCall call, RexToColumn rex) {
    Column value = rex.lower(call.getOperands().get(0));
    Column digits = functions.lit(call.getOperands().size() == 1 ? 0
        : ((Number) Operands.literal(call, 1, "number of digits")).intValue());
    return functions.when(value.geq(0), functions.floor(value, digits)).otherwise(functions.ceil(value, digits));
  }

  /** ROUND(x [, digits]); both Spark and SQL round half away from zero. */
  private static Column round(RexCall call, RexToColumn rex) {
    Column value = rex.lower(call.getOperands().get(0));
    if (call.getOperands().size() == 1) {
      return functions.round(value);
    }
    Object digits = Operands.literal(call, 1, "number of digits");
    return functions.round(value, ((Number) digits).intValue());
  }

  private static Column floorOrCeil(RexCall call, RexToColumn rex, boolean floor) {
    Column value = rex.lower(call.getOperands().get(0));
    if (call.getOperands().size() == 1) {
      return floor ? functions.floor(value) : functions.ceil(value);
    }
    if (!SqlTypeUtil.isDatetime(call.getOperands().get(0).getType())) {
      return DateTimes.unsupported(call);
    }
    String unit = Operands.literal(call, 1, "time unit").toString();
    Column truncated = functions.date_trunc(unit, value.cast(DataTypes.TimestampNTZType));
    if (floor) {
      return truncated;
    }
    return functions.when(truncated.equalTo(value), truncated)
        .otherwise(functions.timestamp_add(unit, functions.lit(1), truncated));
  }
}
