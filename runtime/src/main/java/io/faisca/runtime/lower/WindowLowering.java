package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkWindow;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Window functions: each group of Calcite's window becomes a Spark
 * {@link WindowSpec} (partition, order and frame) and each function a column
 * over it. Ranking and offset functions take no frame, as in Spark.
 */
final class WindowLowering {
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
      WindowSpec ordered = orderedSpec(group, inputNames);
      WindowSpec framed = frame(group, ordered, window, inputNames.length);
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

  private static WindowSpec orderedSpec(Window.Group group, String[] inputNames) {
    Column[] partition = group.keys.asList().stream()
        .map(i -> ColumnNames.ref(inputNames[i])).toArray(Column[]::new);
    Column[] order = group.orderKeys.getFieldCollations().stream()
        .map(f -> Orderings.of(ColumnNames.ref(inputNames[f.getFieldIndex()]), f)).toArray(Column[]::new);
    return org.apache.spark.sql.expressions.Window.partitionBy(partition).orderBy(order);
  }

  private static WindowSpec frame(Window.Group group, WindowSpec spec, SparkWindow window, int inputCount) {
    long lower = bound(group.lowerBound, window, inputCount);
    long upper = bound(group.upperBound, window, inputCount);
    return group.isRows ? spec.rowsBetween(lower, upper) : spec.rangeBetween(lower, upper);
  }

  private static long bound(RexWindowBound bound, SparkWindow window, int inputCount) {
    if (bound.isUnboundedPreceding()) {
      return org.apache.spark.sql.expressions.Window.unboundedPreceding();
    }
    if (bound.isUnboundedFollowing()) {
      return org.apache.spark.sql.expressions.Window.unboundedFollowing();
    }
    if (bound.isCurrentRow()) {
      return org.apache.spark.sql.expressions.Window.currentRow();
    }
    RexLiteral offset = constant(bound.getOffset(), window, inputCount);
    Long value = offset == null ? null : offset.getValueAs(Long.class);
    if (value == null) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca supports window frames with constant numeric offsets only");
    }
    return bound.isPreceding() ? -value : value;
  }

  private static RexLiteral constant(RexNode node, SparkWindow window, int inputCount) {
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
    List<Object> values = new java.util.ArrayList<>();
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
        int offset = operands.size() > 1 ? intConstant(call, constants, 1) : 1;
        Object fallback = operands.size() > 2 ? constants.get(2) : null;
        Column shifted = function.getKind() == org.apache.calcite.sql.SqlKind.LAG
            ? functions.lag(operands.get(0), offset, fallback)
            : functions.lead(operands.get(0), offset, fallback);
        return shifted.over(ordered);
      case FIRST_VALUE:
        return functions.first_value(operands.get(0)).over(framed);
      case LAST_VALUE:
        return functions.last_value(operands.get(0)).over(framed);
      case NTH_VALUE:
        return functions.nth_value(operands.get(0), intConstant(call, constants, 1)).over(framed);
      default:
        AggregateCall aggregate = AggregateCall.create(function, call.distinct, false, call.ignoreNulls,
            List.of(), List.of(), -1, null, org.apache.calcite.rel.RelCollations.EMPTY, call.getType(), null);
        return AggregateFunctions.lower(aggregate, operands, null).over(framed);
    }
  }

  private static int intConstant(Window.RexWinAggCall call, List<Object> constants, int index) {
    if (!(constants.get(index) instanceof Number number)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          call.getOperator().getName() + " needs a constant integer argument");
    }
    return number.intValue();
  }
}
