package io.faisca.planner;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;

/**
 * Folds constant expressions while planning (1 + 10 becomes 11), as Calcite's
 * executor does, except those holding a call Calcite computes otherwise than
 * Spark: they stay for Spark, so that a function of a constant and the same
 * function of a column holding it agree.
 * <ul>
 *   <li>Floating-point functions: Calcite calls {@code Math}, Spark {@code StrictMath}, which may
 *       differ in the last bit.</li>
 *   <li>UPPER, LOWER, INITCAP: Calcite keeps a literal's length, cutting 'straße' upper-cased to 'STRASS'.</li>
 *   <li>FLOOR and CEIL to WEEK: Calcite starts a week on Sunday, Spark (as PostgreSQL) on Monday.</li>
 *   <li>Strings holding characters beyond the Basic Multilingual Plane ('😀'): Calcite counts UTF-16
 *       units, Spark (as PostgreSQL) characters, in lengths, positions and substrings.</li>
 * </ul>
 * Expressions that fail to evaluate, such as 1 / 0, stay too, for Spark to raise at run time.
 */
final class SparkAgreeingExecutor implements RexExecutor {
  private static final Set<String> COMPUTED_BY_SPARK = Set.of("EXP", "LN", "LOG10", "POWER", "SQRT", "CBRT",
      "SIN", "COS", "TAN", "COT", "ASIN", "ACOS", "ATAN", "ATAN2", "DEGREES", "RADIANS", "UPPER", "LOWER",
      "INITCAP");

  private final RexExecutor calcite = new RexExecutorImpl(DataContexts.EMPTY);

  @Override public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    List<RexNode> foldable = constExps.stream().filter(e -> !leftToSpark(e)).toList();
    List<RexNode> folded = new ArrayList<>();
    calcite.reduce(rexBuilder, foldable, folded);
    Iterator<RexNode> next = folded.iterator();
    for (RexNode expression : constExps) {
      reducedValues.add(leftToSpark(expression) ? expression : next.next());
    }
  }

  private static boolean leftToSpark(RexNode expression) {
    return expression instanceof RexCall call
        && (computedBySpark(call) || call.getOperands().stream().anyMatch(SparkAgreeingExecutor::leftToSpark));
  }

  private static boolean holdsSurrogatePairs(RexNode operand) {
    return operand instanceof RexLiteral literal && literal.getValue() instanceof NlsString text
        && text.getValue().codePoints().count() != text.getValue().length();
  }

  private static boolean computedBySpark(RexCall call) {
    if (COMPUTED_BY_SPARK.contains(call.getOperator().getName())
        || call.getOperands().stream().anyMatch(SparkAgreeingExecutor::holdsSurrogatePairs)) {
      return true;
    }
    boolean truncation = (call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL)
        && call.getOperands().size() == 2;
    return truncation && call.getOperands().get(1) instanceof RexLiteral unit
        && unit.getValue() instanceof TimeUnitRange range && range.startUnit == TimeUnit.WEEK;
  }
}
