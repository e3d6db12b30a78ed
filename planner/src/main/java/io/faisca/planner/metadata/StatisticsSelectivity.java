package io.faisca.planner.metadata;

import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.util.function.IntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.Sarg;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Estimates the fraction of rows a predicate keeps from column statistics:
 * equality from distinct counts, ranges from min and max, IS NULL from null
 * counts. Whatever the statistics cannot judge falls back to Calcite's guesses.
 */
final class StatisticsSelectivity {
  private static final double UNKNOWN_RANGE = 0.5;

  private final IntFunction<@Nullable ColumnFacts> facts;

  StatisticsSelectivity(IntFunction<@Nullable ColumnFacts> facts) {
    this.facts = facts;
  }

  double estimate(@Nullable RexNode predicate) {
    if (predicate == null || predicate.isAlwaysTrue()) {
      return 1;
    }
    double selectivity = 1;
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      selectivity *= conjunct(conjunct);
    }
    return clamp(selectivity);
  }

  private double conjunct(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return RelMdUtil.guessSelectivity(node);
    }
    if (call.getOperator() == RelMdUtil.ARTIFICIAL_SELECTIVITY_FUNC) {
      return RelMdUtil.getSelectivityValue(call);
    }
    switch (call.getKind()) {
      case AND:
        return estimate(call);
      case OR:
        double none = 1;
        for (RexNode operand : call.getOperands()) {
          none *= 1 - estimate(operand);
        }
        return clamp(1 - none);
      case NOT:
        return clamp(1 - estimate(call.getOperands().get(0)));
      case IS_NULL:
      case IS_NOT_NULL:
        return nullTest(call);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call);
      case SEARCH:
        return search(call);
      case LIKE:
        return like(call);
      default:
        return RelMdUtil.guessSelectivity(call);
    }
  }

  private double nullTest(RexCall call) {
    ColumnFacts column = factsOf(call.getOperands().get(0));
    if (column == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    double nulls = column.nullFraction();
    return call.getKind() == SqlKind.IS_NULL ? nulls : 1 - nulls;
  }

  private double comparison(RexCall call) {
    RexNode left = stripCasts(call.getOperands().get(0));
    RexNode right = stripCasts(call.getOperands().get(1));
    SqlKind kind = call.getKind();
    if (left instanceof RexLiteral && right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    ColumnFacts column = factsOf(left);
    if (column == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    Double distinct = column.statistics().distinctCount();
    if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
      if (distinct == null) {
        return RelMdUtil.guessSelectivity(call);
      }
      double equal = (1 - column.nullFraction()) / Math.max(1, distinct);
      return kind == SqlKind.EQUALS ? equal : 1 - column.nullFraction() - equal;
    }
    Double value = right instanceof RexLiteral literal ? asDouble(literal.getValue()) : null;
    Double min = column.statistics().min();
    Double max = column.statistics().max();
    if (value == null || min == null || max == null) {
      return UNKNOWN_RANGE;
    }
    double below = fractionBelow(value, min, max);
    double nonNull = 1 - column.nullFraction();
    boolean lower = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
    return nonNull * (lower ? below : 1 - below);
  }

  /** A pattern matching inside the string keeps fewer rows than a prefix match; no statistics say more. */
  private static double like(RexCall call) {
    RexNode pattern = call.getOperands().get(1);
    if (pattern instanceof RexLiteral literal && literal.getValue() instanceof org.apache.calcite.util.NlsString text
        && text.getValue().startsWith("%")) {
      return 0.05;
    }
    return 0.1;
  }

  private double search(RexCall call) {
    ColumnFacts column = factsOf(call.getOperands().get(0));
    RexNode sargNode = call.getOperands().get(1);
    if (column == null || !(sargNode instanceof RexLiteral literal)) {
      return RelMdUtil.guessSelectivity(call);
    }
    Sarg<?> sarg = literal.getValueAs(Sarg.class);
    if (sarg == null) {
      return RelMdUtil.guessSelectivity(call);
    }
    double nonNull = 1 - column.nullFraction();
    Double distinct = column.statistics().distinctCount();
    if (sarg.isPoints()) {
      int points = sarg.pointCount;
      double each = distinct == null ? 0.15 : 1 / Math.max(1, distinct);
      return clamp(nonNull * points * each);
    }
    if (sarg.isComplementedPoints() && distinct != null) {
      return clamp(nonNull * (1 - sarg.rangeSet.complement().asRanges().size() / Math.max(1, distinct)));
    }
    Double min = column.statistics().min();
    Double max = column.statistics().max();
    if (min == null || max == null) {
      return UNKNOWN_RANGE;
    }
    double total = 0;
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      total += rangeFraction(range, min, max, distinct);
    }
    return clamp(nonNull * total);
  }

  private static double rangeFraction(Range<?> range, double min, double max, @Nullable Double distinct) {
    Double low = range.hasLowerBound() ? asDouble(range.lowerEndpoint()) : Double.valueOf(min);
    Double high = range.hasUpperBound() ? asDouble(range.upperEndpoint()) : Double.valueOf(max);
    if (low == null || high == null) {
      return UNKNOWN_RANGE;
    }
    if (low.equals(high)) {
      return distinct == null ? 0.15 : 1 / Math.max(1, distinct);
    }
    return Math.max(0, fractionBelow(high, min, max) - fractionBelow(low, min, max));
  }

  private static double fractionBelow(double value, double min, double max) {
    if (max <= min) {
      return value >= max ? 1 : 0;
    }
    return clamp((value - min) / (max - min));
  }

  private @Nullable ColumnFacts factsOf(RexNode node) {
    RexNode stripped = stripCasts(node);
    return stripped instanceof RexInputRef ref ? facts.apply(ref.getIndex()) : null;
  }

  /** The expression under any casts: estimates treat a cast column as the column. */
  private static RexNode stripCasts(RexNode node) {
    RexNode current = node;
    while (current.getKind() == SqlKind.CAST) {
      current = ((RexCall) current).getOperands().get(0);
    }
    return current;
  }

  /** A literal as a point on the number line statistics use: numbers as such, dates as epoch days. */
  static @Nullable Double asDouble(@Nullable Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof DateString date) {
      return (double) date.getDaysSinceEpoch();
    }
    return null;
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
