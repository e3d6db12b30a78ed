package io.faisca.runtime.lower.calls;

import io.faisca.runtime.lower.RexToColumn;
import io.faisca.runtime.lower.SparkTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * CAST. Spark's casts mostly do what SQL asks (ANSI errors on bad input and
 * overflow, half-up rounding of decimals). The exceptions: CHAR(n) pads with
 * spaces, VARCHAR(n) keeps n characters, and a fraction cast to an integer
 * rounds half up rather than truncating.
 */
final class Casts {
  private Casts() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.CAST, Casts::cast);
    registry.kind(SqlKind.REINTERPRET, Casts::cast);
  }

  private static boolean isFractional(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.DECIMAL && type.getScale() > 0 || SqlTypeUtil.isApproximateNumeric(type);
  }

  private static Column cast(RexCall call, RexToColumn rex) {
    Column operand = rex.lower(call.getOperands().get(0));
    RelDataType target = call.getType();
    boolean lengthSet = target.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED;
    if (target.getSqlTypeName() == SqlTypeName.CHAR && lengthSet) {
      return functions.rpad(operand.cast(DataTypes.StringType), target.getPrecision(), " ");
    }
    if (target.getSqlTypeName() == SqlTypeName.VARCHAR && lengthSet) {
      return functions.substring(operand.cast(DataTypes.StringType), 1, target.getPrecision());
    }
    if (SqlTypeUtil.isIntType(target) && isFractional(call.getOperands().get(0).getType())) {
      // A fraction becomes an integer rounding half up, as when folded while planning; Spark would truncate.
      return functions.round(operand).cast(SparkTypes.of(target));
    }
    return operand.cast(SparkTypes.of(target));
  }
}
