package io.faisca.runtime.lower.calls;

import io.faisca.runtime.lower.RexToColumn;
import io.faisca.runtime.lower.SparkTypes;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/** CASE and the functions SQL defines through it: COALESCE, NULLIF, GREATEST, LEAST. */
final class Conditionals {
  private Conditionals() {
  }

  static void register(CallLowerings.Registry registry) {
    registry.kind(SqlKind.CASE, Conditionals::caseWhen);
    registry.kind(SqlKind.COALESCE, (call, rex) -> functions.coalesce(Operands.asResultType(call, rex)));
    registry.name("NVL", (call, rex) -> functions.coalesce(Operands.asResultType(call, rex)));
    registry.name("IFNULL", (call, rex) -> functions.coalesce(Operands.asResultType(call, rex)));
    registry.kind(SqlKind.NULLIF, (call, rex) -> {
      Column[] operands = Operands.all(call, rex);
      return functions.when(operands[0].equalTo(operands[1]), functions.lit(null))
          .otherwise(operands[0]);
    });
    // PostgreSQL's GREATEST and LEAST ignore NULLs, as Spark's do.
    registry.kind(SqlKind.GREATEST, (call, rex) -> functions.greatest(Operands.asResultType(call, rex)));
    registry.kind(SqlKind.LEAST, (call, rex) -> functions.least(Operands.asResultType(call, rex)));
  }

  /** {@code CASE WHEN c1 THEN v1 ... ELSE e END}: operands are c1, v1, ..., e. */
  private static Column caseWhen(RexCall call, RexToColumn rex) {
    List<RexNode> operands = call.getOperands();
    DataType type = SparkTypes.of(call.getType());
    Column result = null;
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      Column condition = rex.lower(operands.get(i));
      Column value = rex.lower(operands.get(i + 1)).cast(type);
      result = result == null ? functions.when(condition, value) : result.when(condition, value);
    }
    Column otherwise = rex.lower(operands.get(operands.size() - 1)).cast(type);
    return result == null ? otherwise : result.otherwise(otherwise);
  }
}
