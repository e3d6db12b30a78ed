package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
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

  /** The kinds of aggregate function lowered, besides those of window functions. */
  static final Set<SqlKind> LOWERED = Set.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG, SqlKind.MIN,
      SqlKind.MAX, SqlKind.ANY_VALUE, SqlKind.SINGLE_VALUE, SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP,
      SqlKind.VAR_POP, SqlKind.VAR_SAMP, SqlKind.COVAR_POP, SqlKind.COVAR_SAMP, SqlKind.REGR_COUNT,
      SqlKind.REGR_SXX, SqlKind.REGR_SYY, SqlKind.MODE, SqlKind.ARG_MAX, SqlKind.ARG_MIN, SqlKind.BIT_AND,
      SqlKind.BIT_OR, SqlKind.BIT_XOR, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC, SqlKind.LISTAGG,
      SqlKind.STRING_AGG, SqlKind.LITERAL_AGG, SqlKind.GROUPING);

  /**
   * @param call the aggregate call
   * @param arguments what it reads
   * @param filter the FILTER condition, or null
   */
  static Column lower(AggregateCall call, AggregateArguments arguments, Column filter) {
    List<Column> args = arguments.columns();
    List<Column> filtered = filter == null ? args
        : args.stream().map(a -> functions.when(filter, a)).toList();
    Column first = filtered.isEmpty() ? null : filtered.get(0);
    boolean distinct = call.isDistinct();
    SqlAggFunction function = call.getAggregation();
    switch (function.getKind()) {
      case COUNT:
        // APPROX_COUNT_DISTINCT is a COUNT to Calcite.
        return function.getName().equals("APPROX_COUNT_DISTINCT")
            ? functions.approx_count_distinct(first)
            : count(filtered, filter, distinct);
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
        // A value of the group other than NULL, as aggregates skip NULLs (and FILTER makes them).
        return functions.any_value(first, functions.lit(true));
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
      case COVAR_POP:
        return functions.covar_pop(first, filtered.get(1));
      case COVAR_SAMP:
        return functions.covar_samp(first, filtered.get(1));
      case REGR_COUNT:
        return count(filtered, filter, false);
      case REGR_SXX:
        return functions.regr_sxx(first, filtered.get(1));
      case REGR_SYY:
        return functions.regr_syy(first, filtered.get(1));
      case MODE:
        // The most frequent value; of several as frequent, the least, as PostgreSQL's mode() picks.
        return functions.mode(first, true);
      case ARG_MAX:
        return functions.max_by(first, filtered.get(1));
      case ARG_MIN:
        return functions.min_by(first, filtered.get(1));
      case PERCENTILE_CONT:
        return OrderedAggregates.percentileCont(fraction(call, arguments), arguments.withinGroup().get(0));
      case PERCENTILE_DISC:
        return OrderedAggregates.percentileDisc(fraction(call, arguments), arguments.withinGroup().get(0));
      case LISTAGG:
      case STRING_AGG:
        return OrderedAggregates.listAgg(first, separator(call, arguments), arguments.withinGroup());
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

  /** The constant fraction of PERCENTILE_CONT and PERCENTILE_DISC, which Calcite checks lies in [0, 1]. */
  private static BigDecimal fraction(AggregateCall call, AggregateArguments arguments) {
    Object fraction = arguments.constants().get(0);
    if (!(fraction instanceof Number number)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, call.getAggregation().getName()
          + " needs a constant fraction");
    }
    return new BigDecimal(number.toString());
  }

  /** LISTAGG's separator: a constant second argument, or a comma. */
  private static String separator(AggregateCall call, AggregateArguments arguments) {
    if (arguments.columns().size() < 2) {
      return ",";
    }
    Object separator = arguments.constants().get(1);
    if (!(separator instanceof String text)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, call.getAggregation().getName()
          + " needs a constant separator");
    }
    return text;
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
