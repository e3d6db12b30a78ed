package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;

import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Aggregate functions, shared by GROUP BY and window aggregates. A FILTER
 * clause becomes a CASE around each argument: aggregates skip NULLs, so rows
 * the filter rejects do not count.
 */
final class AggregateFunctions {
  /** The error a scalar sub-query raises when it returns more than one row. */
  static final String MORE_THAN_ONE_ROW = io.faisca.runtime.SparkErrors.MORE_THAN_ONE_ROW;

  private AggregateFunctions() {
  }

  /**
   * @param call the aggregate call
   * @param args its argument columns, in order
   * @param filter the FILTER condition, or null
   */
  static Column lower(AggregateCall call, List<Column> args, Column filter) {
    List<Column> filtered = filter == null ? args
        : args.stream().map(a -> functions.when(filter, a)).toList();
    Column first = filtered.isEmpty() ? null : filtered.get(0);
    boolean distinct = call.isDistinct();
    SqlAggFunction function = call.getAggregation();
    switch (function.getKind()) {
      case COUNT:
        return count(filtered, filter, distinct);
      case SUM:
        return distinct ? functions.sum_distinct(first) : functions.sum(first);
      case SUM0:
        Column sum = distinct ? functions.sum_distinct(first) : functions.sum(first);
        return functions.coalesce(sum, functions.lit(0).cast(SparkTypes.of(call.getType())));
      case AVG:
        // Spark has no AVG(DISTINCT): the sum of the distinct values over their count, rounded to AVG's type by the caller.
        return distinct
            ? functions.sum_distinct(first).divide(functions.count_distinct(first))
            : functions.avg(first);
      case MIN:
        // EVERY and BOOL_AND are MIN over booleans, SOME and BOOL_OR are MAX.
        return functions.min(first);
      case MAX:
        return functions.max(first);
      case ANY_VALUE:
        return functions.any_value(first);
      case SINGLE_VALUE:
        return functions.when(functions.count(functions.lit(1)).gt(1),
            functions.raise_error(functions.lit(MORE_THAN_ONE_ROW))).otherwise(functions.first(first));
      case STDDEV_POP:
        return distinctless(call, functions.stddev_pop(first));
      case STDDEV_SAMP:
        return distinctless(call, functions.stddev_samp(first));
      case VAR_POP:
        return distinctless(call, functions.var_pop(first));
      case VAR_SAMP:
        return distinctless(call, functions.var_samp(first));
      case BIT_AND:
        return functions.bit_and(first);
      case BIT_OR:
        return functions.bit_or(first);
      case BIT_XOR:
        return functions.bit_xor(first);
      case LITERAL_AGG:
        return Literals.toColumn((RexLiteral) call.rexList.get(0));
      default:
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
            "Faísca cannot compute the aggregate " + function.getName() + " yet");
    }
  }

  private static Column count(List<Column> args, Column filter, boolean distinct) {
    if (args.isEmpty()) {
      return functions.count(filter == null ? functions.lit(1) : functions.when(filter, functions.lit(1)));
    }
    if (distinct) {
      return functions.count_distinct(args.get(0), args.subList(1, args.size()).toArray(Column[]::new));
    }
    if (args.size() == 1) {
      return functions.count(args.get(0));
    }
    Column allPresent = args.stream().map(Column::isNotNull).reduce(Column::and).orElseThrow();
    return functions.count(functions.when(allPresent, functions.lit(1)));
  }

  private static Column distinctless(AggregateCall call, Column column) {
    if (call.isDistinct()) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca cannot compute " + call.getAggregation().getName() + "(DISTINCT ...) yet");
    }
    return column;
  }

}
