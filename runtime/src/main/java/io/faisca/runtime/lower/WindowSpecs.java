package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkWindow;
import java.math.BigDecimal;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.WindowFrame;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.CalendarInterval;

/**
 * A group of Calcite's window as Spark window specs: partition and order,
 * and the frame. A RANGE frame with offsets takes them as values of the
 * order key's kind (a DECIMAL offset, an interval), which Spark's
 * rangeBetween, taking longs, cannot say: such frames are built from
 * Spark's frame nodes ({@code WindowSpec.withFrame}, private to Spark's
 * Scala code, public to Java; the Dataset API offers nothing else).
 */
final class WindowSpecs {
  private WindowSpecs() {
  }

  /** Partition and order, no frame: what ranking and offset functions take. */
  static WindowSpec ordered(Window.Group group, String[] inputNames) {
    return spec(group, inputNames, UnaryOperator.identity());
  }

  /** Partition, order and the group's frame. */
  static WindowSpec framed(Window.Group group, SparkWindow window, String[] inputNames) {
    int inputCount = inputNames.length;
    checkStartsBeforeEnd(group, window, inputCount);
    if (group.isRows) {
      return ordered(group, inputNames).rowsBetween(
          rowsBound(group.lowerBound, window, inputCount), rowsBound(group.upperBound, window, inputCount));
    }
    if (group.lowerBound.getOffset() == null && group.upperBound.getOffset() == null) {
      return ordered(group, inputNames).rangeBetween(
          specialBound(group.lowerBound), specialBound(group.upperBound));
    }
    return rangeWithOffsets(group, window, inputNames);
  }

  private static WindowSpec spec(Window.Group group, String[] inputNames, UnaryOperator<Column> orderKey) {
    Column[] partition = group.keys.asList().stream()
        .map(i -> ColumnNames.ref(inputNames[i])).toArray(Column[]::new);
    Column[] order = group.orderKeys.getFieldCollations().stream()
        .map(f -> Orderings.of(orderKey.apply(ColumnNames.ref(inputNames[f.getFieldIndex()])), f))
        .toArray(Column[]::new);
    return org.apache.spark.sql.expressions.Window.partitionBy(partition).orderBy(order);
  }

  /** UNBOUNDED PRECEDING, UNBOUNDED FOLLOWING or CURRENT ROW. */
  private static long specialBound(RexWindowBound bound) {
    if (bound.isUnboundedPreceding()) {
      return org.apache.spark.sql.expressions.Window.unboundedPreceding();
    }
    if (bound.isUnboundedFollowing()) {
      return org.apache.spark.sql.expressions.Window.unboundedFollowing();
    }
    return org.apache.spark.sql.expressions.Window.currentRow();
  }

  private static long rowsBound(RexWindowBound bound, SparkWindow window, int inputCount) {
    if (bound.getOffset() == null) {
      return specialBound(bound);
    }
    RexLiteral offset = offset(bound, window, inputCount);
    if (!SqlTypeName.INT_TYPES.contains(offset.getType().getSqlTypeName())) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "A ROWS frame counts rows: its offsets must be integers, not " + offset.getType().getFullTypeString()
              + " (a RANGE frame takes intervals)");
    }
    return signed(offset, bound.isPreceding()).longValueExact();
  }

  /**
   * A frame with numeric offsets that ends before it starts (ROWS BETWEEN
   * 1 PRECEDING AND 2 PRECEDING) is empty in the standard, an error in
   * Spark. Spark leaves interval offsets unchecked and finds such frames empty.
   */
  private static void checkStartsBeforeEnd(Window.Group group, SparkWindow window, int inputCount) {
    BigDecimal start = numericPosition(group.lowerBound, window, inputCount);
    BigDecimal end = numericPosition(group.upperBound, window, inputCount);
    if (start != null && end != null && start.compareTo(end) > 0) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED, "Faísca cannot compute a window frame that ends before "
          + "it starts, which is always empty, yet: " + (group.isRows ? "ROWS" : "RANGE") + " BETWEEN "
          + describe(group.lowerBound, window, inputCount) + " AND " + describe(group.upperBound, window, inputCount));
    }
  }

  private static String describe(RexWindowBound bound, SparkWindow window, int inputCount) {
    if (bound.isCurrentRow()) {
      return "CURRENT ROW";
    }
    return offset(bound, window, inputCount).getValueAs(BigDecimal.class).toPlainString()
        + (bound.isPreceding() ? " PRECEDING" : " FOLLOWING");
  }

  /** Where a bound lies from the current row, or null where it is unbounded or an interval away. */
  private static BigDecimal numericPosition(RexWindowBound bound, SparkWindow window, int inputCount) {
    if (bound.isCurrentRow()) {
      return BigDecimal.ZERO;
    }
    if (bound.getOffset() == null) {
      return null;
    }
    RexLiteral offset = offset(bound, window, inputCount);
    return isInterval(offset) ? null : signed(offset, bound.isPreceding());
  }

  private static BigDecimal signed(RexLiteral offset, boolean preceding) {
    BigDecimal value = offset.getValueAs(BigDecimal.class);
    return preceding ? value.negate() : value;
  }

  private static RexLiteral offset(RexWindowBound bound, SparkWindow window, int inputCount) {
    RexLiteral offset = WindowLowering.constant(bound.getOffset(), window, inputCount);
    if (offset == null) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca supports window frames with constant offsets only");
    }
    return offset;
  }

  /**
   * Spark moves a TIMESTAMP key by any interval but a DATE key by months
   * only: against interval offsets, a DATE key orders as the TIMESTAMP at
   * its midnight, which keeps its order and gives the standard frame.
   */
  private static WindowSpec rangeWithOffsets(Window.Group group, SparkWindow window, String[] inputNames) {
    int inputCount = inputNames.length;
    boolean dateKey = window.getInput().getRowType().getFieldList()
        .get(group.orderKeys.getFieldCollations().get(0).getFieldIndex())
        .getType().getSqlTypeName() == SqlTypeName.DATE;
    boolean intervals = Stream.of(group.lowerBound, group.upperBound)
        .filter(bound -> bound.getOffset() != null)
        .anyMatch(bound -> isInterval(offset(bound, window, inputCount)));
    UnaryOperator<Column> orderKey = dateKey && intervals
        ? key -> key.cast(DataTypes.TimestampNTZType)
        : UnaryOperator.identity();
    return spec(group, inputNames, orderKey).withFrame(WindowFrame.Range$.MODULE$,
        frameBound(group.lowerBound, window, inputCount), frameBound(group.upperBound, window, inputCount));
  }

  private static boolean isInterval(RexLiteral offset) {
    SqlTypeFamily family = offset.getType().getSqlTypeName().getFamily();
    return family == SqlTypeFamily.INTERVAL_YEAR_MONTH || family == SqlTypeFamily.INTERVAL_DAY_TIME;
  }

  private static WindowFrame.FrameBoundary frameBound(RexWindowBound bound, SparkWindow window, int inputCount) {
    if (bound.isUnboundedPreceding()) {
      return WindowFrame.UnboundedPreceding$.MODULE$;
    }
    if (bound.isUnboundedFollowing()) {
      return WindowFrame.UnboundedFollowing$.MODULE$;
    }
    if (bound.isCurrentRow()) {
      return WindowFrame.CurrentRow$.MODULE$;
    }
    return new WindowFrame.Value(offsetValue(offset(bound, window, inputCount), bound.isPreceding()).node());
  }

  /**
   * The signed distance from the current row's key. Intervals become
   * Spark's calendar intervals, which hold months and microseconds alike,
   * so that a frame may mix the two kinds.
   */
  private static Column offsetValue(RexLiteral offset, boolean preceding) {
    BigDecimal signed = signed(offset, preceding);
    switch (offset.getType().getSqlTypeName().getFamily()) {
      case INTERVAL_YEAR_MONTH:
        return functions.lit(new CalendarInterval(signed.intValueExact(), 0, 0L));
      case INTERVAL_DAY_TIME:
        return functions.lit(new CalendarInterval(0, 0, signed.longValueExact() * 1000L));
      default:
        return functions.lit(signed);
    }
  }
}
