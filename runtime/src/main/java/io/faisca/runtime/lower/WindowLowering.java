package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * Window functions: each group of Calcite's window becomes a Spark
 * {@link WindowSpec} (partition, order and frame) and each function a column
 * over it. Ranking and offset functions take no frame, as in Spark.
 */
final class WindowLowering {
  /** The window functions lowered here; aggregates over a window are lowered as {@link AggregateFunctions}. */
  static final Set<SqlKind> LOWERED = Set.of(SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK,
      SqlKind.PERCENT_RANK, SqlKind.CUME_DIST, SqlKind.NTILE, SqlKind.LAG, SqlKind.LEAD, SqlKind.FIRST_VALUE,
      SqlKind.LAST_VALUE, SqlKind.NTH_VALUE);

  private WindowLowering() {
  }

  static Dataset<Row> lower(SparkWindow window, Dataset<Row> input, LoweringContext context) {
    String[] inputNames = input.columns();
    List<String> names = ColumnNames.of(window.getRowType());
    List<Column> columns = new ArrayList<>();
    for (String name : inputNames) {
      columns.add(ColumnNames.ref(name));
    }
    for (Window.Group group : window.groups) {
      WindowSpec ordered = WindowSpecs.ordered(group, inputNames);
      WindowSpec framed = WindowSpecs.framed(group, window, inputNames);
      for (Window.RexWinAggCall call : group.aggCalls) {
        List<Column> operands = call.getOperands().stream()
            .map(o -> operand(o, window, inputNames)).toList();
        Column value = function(call, operands, constants(call, window, inputNames.length), ordered, framed)
            .cast(SparkTypes.of(call.getType()));
        columns.add(value.as(names.get(columns.size())));
      }
    }
    return input.select(columns.toArray(Column[]::new));
  }

  /** A constant operand or frame offset: a literal, or past the input's columns, one of the window's constants. */
  static RexLiteral constant(RexNode node, SparkWindow window, int inputCount) {
    if (node instanceof RexLiteral literal) {
      return literal;
    }
    if (node instanceof RexInputRef ref && ref.getIndex() >= inputCount) {
      return window.constants.get(ref.getIndex() - inputCount);
    }
    return null;
  }

  /** Operands refer to input columns or, past them, to the window's constants. */
  private static Column operand(RexNode node, SparkWindow window, String[] inputNames) {
    RexLiteral constant = constant(node, window, inputNames.length);
    if (constant != null) {
      return Literals.toColumn(constant);
    }
    if (node instanceof RexInputRef ref) {
      return ColumnNames.ref(inputNames[ref.getIndex()]);
    }
    throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Faísca cannot use " + node + " in a window function");
  }

  /** The constant value of each operand, or null where the operand is a column. */
  private static List<Object> constants(Window.RexWinAggCall call, SparkWindow window, int inputCount) {
    List<Object> values = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      RexLiteral literal = constant(operand, window, inputCount);
      values.add(literal == null ? null : Literals.toJava(literal));
    }
    return values;
  }

  private static Column function(Window.RexWinAggCall call, List<Column> operands, List<Object> constants,
      WindowSpec ordered, WindowSpec framed) {
    SqlAggFunction function = (SqlAggFunction) call.getOperator();
    switch (function.getKind()) {
      case ROW_NUMBER:
        return functions.row_number().over(ordered);
      case RANK:
        return functions.rank().over(ordered);
      case DENSE_RANK:
        return functions.dense_rank().over(ordered);
      case PERCENT_RANK:
        return functions.percent_rank().over(ordered);
      case CUME_DIST:
        return functions.cume_dist().over(ordered);
      case NTILE:
        return functions.ntile(intConstant(call, constants, 0)).over(ordered);
      case LAG:
      case LEAD:
        return shifted(call, operands, constants).over(ordered);
      case FIRST_VALUE:
        return functions.first_value(operands.get(0), functions.lit(call.ignoreNulls)).over(framed);
      case LAST_VALUE:
        return functions.last_value(operands.get(0), functions.lit(call.ignoreNulls)).over(framed);
      case NTH_VALUE:
        return functions.nth_value(operands.get(0), intConstant(call, constants, 1), call.ignoreNulls)
            .over(framed);
      default:
        if (call.distinct) {
          return DistinctWindowAggregates.lower(function, operands, framed, SparkTypes.of(call.getType()));
        }
        AggregateCall aggregate = AggregateCall.create(function, false, false, call.ignoreNulls,
            List.of(), List.of(), -1, null, org.apache.calcite.rel.RelCollations.EMPTY, call.getType(), null);
        return AggregateFunctions.lower(aggregate, new AggregateArguments(operands, constants, List.of()), null)
            .over(framed);
    }
  }

  /**
   * LAG and LEAD. The default may be a column, read on the current row; Spark
   * wants it, and the value, in the function's type.
   */
  private static Column shifted(Window.RexWinAggCall call, List<Column> operands, List<Object> constants) {
    DataType type = SparkTypes.of(call.getType());
    Column value = operands.get(0).cast(type);
    int offset = operands.size() > 1 ? intConstant(call, constants, 1) : 1;
    Column fallback = (operands.size() > 2 ? operands.get(2) : functions.lit(null)).cast(type);
    return call.getKind() == SqlKind.LAG
        ? functions.lag(value, offset, fallback, call.ignoreNulls)
        : functions.lead(value, offset, fallback, call.ignoreNulls);
  }

  private static int intConstant(Window.RexWinAggCall call, List<Object> constants, int index) {
    if (!(constants.get(index) instanceof Number number)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          call.getOperator().getName() + " needs a constant integer argument");
    }
    return number.intValue();
  }
}
