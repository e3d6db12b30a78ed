package io.faisca.planner;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Refuses, before validation, the calls Faísca cannot run: operators Calcite
 * knows that {@link FaiscaOperatorTable} does not offer, and the few forms of
 * offered ones that have no lowering. The validator alone would let operators
 * the parser builds itself (SIMILAR TO, JSON_VALUE ...) through, and call
 * the others unknown.
 */
final class UnsupportedCalls extends SqlBasicVisitor<Void> {
  /** Aggregates that take DISTINCT: for the others it would change the result, and Spark cannot say it. */
  private static final Set<String> DISTINCT_AGGREGATES = Set.of(
      "COUNT", "SUM", "AVG", "MIN", "MAX", "EVERY", "SOME", "BOOL_AND", "BOOL_OR", "BIT_AND", "BIT_OR",
      "ANY_VALUE");
  /** The units Spark's date_trunc knows, for FLOOR and CEIL of a datetime. */
  private static final Set<TimeUnit> TRUNCATION_UNITS = Set.of(TimeUnit.YEAR, TimeUnit.QUARTER,
      TimeUnit.MONTH, TimeUnit.WEEK, TimeUnit.DAY, TimeUnit.HOUR, TimeUnit.MINUTE, TimeUnit.SECOND);
  private static final Set<String> SEEDED = Set.of("RAND", "RAND_INTEGER");
  private static final Set<String> DIGITS = Set.of("ROUND", "TRUNCATE");

  private UnsupportedCalls() {
  }

  static void check(SqlNode query) {
    query.accept(new UnsupportedCalls());
  }

  @Override public Void visit(SqlCall call) {
    SqlOperator operator = call.getOperator();
    if (operator instanceof SqlUnresolvedFunction) {
      checkName(operator.getName(), call.getParserPosition());
    } else if (!FaiscaOperatorTable.SUPPORTED.contains(operator) && FaiscaOperatorTable.KNOWN.contains(operator)) {
      throw refused(describe(call), call.getParserPosition());
    }
    checkDistinct(call);
    checkSeed(call);
    checkTruncationUnit(call);
    checkConstantDigits(call);
    checkOrderedOverWindow(call);
    return super.visit(call);
  }

  /**
   * CURRENT_TIME and the other niladic functions of standard SQL are written
   * without parentheses: the parser reads them as identifiers. Their names are
   * reserved words, never a column's; a dialect's (SYSDATE) may be a column's.
   */
  @Override public Void visit(SqlIdentifier id) {
    if (id.isSimple() && !id.isComponentQuoted(0)) {
      String name = id.getSimple().toUpperCase(Locale.ROOT);
      boolean niladic = SqlStdOperatorTable.instance().getOperatorList().stream()
          .anyMatch(op -> op.getSyntax() == SqlSyntax.FUNCTION_ID && op.getName().equals(name));
      if (niladic) {
        checkName(name, id.getParserPosition());
      }
    }
    return null;
  }

  private static void checkName(String name, SqlParserPos pos) {
    String upper = name.toUpperCase(Locale.ROOT);
    boolean supported = FaiscaOperatorTable.SUPPORTED.stream().anyMatch(op -> op.getName().equals(upper));
    boolean known = FaiscaOperatorTable.KNOWN.stream().anyMatch(op -> op.getName().equals(upper));
    if (known && !supported) {
      throw refused("function " + upper, pos);
    }
  }

  private static void checkDistinct(SqlCall call) {
    SqlLiteral quantifier = call.getFunctionQuantifier();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (quantifier != null && quantifier.getValue() == SqlSelectKeyword.DISTINCT
        && !DISTINCT_AGGREGATES.contains(name)) {
      throw refused(name + "(DISTINCT ...)", call.getParserPosition());
    }
  }

  /** Spark draws random numbers from a seed it knows while planning. */
  private static void checkSeed(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    boolean seeded = name.equals("RAND") ? call.operandCount() == 1 : call.operandCount() == 2;
    if (SEEDED.contains(name) && seeded && !isNumberLiteral(call.operand(0))) {
      throw refused(name + " with a seed that is not a constant", call.getParserPosition());
    }
  }

  private static boolean isNumberLiteral(SqlNode node) {
    if (node.getKind() == SqlKind.MINUS_PREFIX) {
      return isNumberLiteral(((SqlCall) node).operand(0));
    }
    return node instanceof SqlLiteral;
  }

  /** Spark rounds to a number of digits it knows while planning. */
  private static void checkConstantDigits(SqlCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (DIGITS.contains(name) && call.operandCount() == 2 && !isNumberLiteral(call.operand(1))) {
      throw refused(name + " to a number of digits that is not a constant", call.getParserPosition());
    }
  }

  /**
   * PERCENTILE_CONT, PERCENTILE_DISC and LISTAGG take WITHIN GROUP only over a
   * whole group, and without FILTER, which Calcite's validator cannot type.
   */
  private static void checkOrderedOverWindow(SqlCall call) {
    boolean overOrFilter = call.getKind() == SqlKind.OVER || call.getKind() == SqlKind.FILTER;
    if (overOrFilter && call.operand(0).getKind() == SqlKind.WITHIN_GROUP) {
      SqlCall ordered = ((SqlCall) call.operand(0)).operand(0);
      String with = call.getKind() == SqlKind.OVER ? " over a window" : " with FILTER";
      throw refused(ordered.getOperator().getName() + "(...) WITHIN GROUP" + with, call.getParserPosition());
    }
  }

  private static void checkTruncationUnit(SqlCall call) {
    boolean truncation = (call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL)
        && call.operandCount() == 2;
    if (truncation && call.operand(1) instanceof SqlIntervalQualifier unit
        && !TRUNCATION_UNITS.contains(unit.getStartUnit())) {
      throw refused(call.getOperator().getName() + "(... TO " + unit.getStartUnit() + ")", call.getParserPosition());
    }
  }

  /**
   * A function by the name the user wrote, which for some differs from
   * Calcite's (TRANSLATE is TRANSLATE3, TUMBLE is $TUMBLE); an operator by its name.
   */
  private static String describe(SqlCall call) {
    SqlOperator operator = call.getOperator();
    if (!(operator instanceof SqlFunction)) {
      return "operator " + operator.getName();
    }
    String text = call.toString();
    int parenthesis = text.indexOf('(');
    String written = parenthesis > 0 ? text.substring(0, parenthesis).strip() : operator.getName();
    return "function " + written.replace("`", "").replace("$", "");
  }

  private static FaiscaException refused(String what, SqlParserPos pos) {
    return new FaiscaException(ErrorCode.NOT_SUPPORTED, what + " is not supported (line " + pos.getLineNum()
        + ", column " + pos.getColumnNum() + ")");
  }
}
