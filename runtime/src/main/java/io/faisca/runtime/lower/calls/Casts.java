package io.faisca.runtime.lower.calls;

import io.faisca.runtime.lower.RexToColumn;
import io.faisca.runtime.lower.SparkTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * CAST. Spark's casts already do what SQL asks (ANSI errors on bad input and
 * overflow, half-up rounding of decimals); SQL's fixed-length strings are the
 * exception: CHAR(n) pads with spaces and VARCHAR(n) keeps n characters.
 */
final class Casts {
  private Casts() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.CAST, Casts::cast);
    registry.kind(SqlKind.REINTERPRET, Casts::cast);
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
    return operand.cast(SparkTypes.of(target));
  }
}
