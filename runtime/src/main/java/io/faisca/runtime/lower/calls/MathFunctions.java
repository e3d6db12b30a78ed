package io.faisca.runtime.lower.calls;

import io.faisca.runtime.lower.RexToColumn;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Numeric functions. FLOOR and CEIL of a datetime truncate it to a unit, as date_trunc does. */
final class MathFunctions {
  private MathFunctions() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.name("ABS", Operands.unary(functions::abs));
    registry.name("POWER", Operands.binary(functions::pow));
    registry.name("SQRT", Operands.unary(functions::sqrt));
    registry.name("CBRT", Operands.unary(functions::cbrt));
    registry.name("EXP", Operands.unary(functions::exp));
    registry.name("LN", Operands.unary(functions::log));
    registry.name("LOG10", Operands.unary(functions::log10));
    registry.name("SIGN", Operands.unary(functions::signum));
    registry.name("PI", (call, rex) -> functions.pi());
    registry.name("RAND", (call, rex) -> functions.rand());
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
    if (!SqlTypeUtil.isDatetime(call.getOperands().get(0).getType()) || !floor) {
      return DateTimes.unsupported(call);
    }
    Object unit = Operands.literal(call, 1, "time unit");
    return functions.date_trunc(unit.toString(), value);
  }
}
