package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * Aggregates of DISTINCT values over a window, which Spark refuses: the
 * frame's distinct values are gathered into a set, then counted or summed.
 * For MIN, MAX and the boolean and bitwise ones DISTINCT changes nothing.
 */
final class DistinctWindowAggregates {
  private DistinctWindowAggregates() {
  }

  /** @param type the Spark type of the result */
  static Column lower(SqlAggFunction function, List<Column> operands, WindowSpec frame, DataType type) {
    switch (function.getKind()) {
      case COUNT:
        return functions.size(functions.collect_set(tuple(operands)).over(frame));
      case SUM:
        return sum(operands.get(0), frame, type);
      case SUM0:
        return functions.coalesce(sum(operands.get(0), frame, type), functions.lit(0));
      case AVG:
        Column values = functions.collect_set(operands.get(0)).over(frame);
        return sum(operands.get(0), frame, type).divide(functions.size(values));
      case MIN:
        return functions.min(operands.get(0)).over(frame);
      case MAX:
        return functions.max(operands.get(0)).over(frame);
      case ANY_VALUE:
        return functions.any_value(operands.get(0)).over(frame);
      case BIT_AND:
        return functions.bit_and(operands.get(0)).over(frame);
      case BIT_OR:
        return functions.bit_or(operands.get(0)).over(frame);
      default:
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
            "Faísca cannot compute " + function.getName() + "(DISTINCT ...) over a window yet");
    }
  }

  /** The sum of the frame's distinct values; NULL when it has none. */
  private static Column sum(Column value, WindowSpec frame, DataType type) {
    Column values = functions.collect_set(value).over(frame);
    Column total = functions.aggregate(functions.transform(values, v -> v.cast(type)), functions.lit(0).cast(type),
        Column::plus);
    return functions.when(functions.size(values).gt(0), total);
  }

  /** One value per operand, NULL when any operand is: COUNT counts rows whose operands are all present. */
  private static Column tuple(List<Column> operands) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    Column allPresent = operands.stream().map(Column::isNotNull).reduce(Column::and).orElseThrow();
    return functions.when(allPresent, functions.struct(operands.toArray(Column[]::new)));
  }
}
