package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.calls.CallLowerings;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLambda;
import org.apache.calcite.rex.RexLambdaRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexNodeAndFieldIndex;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexRangeRef;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexTableInputRef;
import org.apache.calcite.rex.RexVisitor;
import org.apache.spark.sql.Column;

/**
 * Lowers a row expression to a Spark {@link Column} over an input whose
 * columns have the given names. Every call's result is cast to the type
 * Calcite derived for it, so Spark computes in exactly the SQL type.
 */
public final class RexToColumn implements RexVisitor<Column> {
  private final List<String> inputNames;
  private final LoweringContext context;

  public RexToColumn(List<String> inputNames, LoweringContext context) {
    this.inputNames = List.copyOf(inputNames);
    this.context = context;
  }

  public LoweringContext context() {
    return context;
  }

  public Column lower(RexNode node) {
    return node.accept(this);
  }

  @Override public Column visitInputRef(RexInputRef ref) {
    return ColumnNames.ref(inputNames.get(ref.getIndex()));
  }

  @Override public Column visitLiteral(RexLiteral literal) {
    return Literals.toColumn(literal);
  }

  @Override public Column visitCall(RexCall call) {
    Column result = CallLowerings.lower(call, this);
    return result.cast(SparkTypes.of(call.getType()));
  }

  @Override public Column visitDynamicParam(RexDynamicParam param) {
    return Literals.toColumn(context.parameter(param.getIndex()), param.getType());
  }

  @Override public Column visitLocalRef(RexLocalRef localRef) {
    throw unsupported("local references");
  }

  @Override public Column visitOver(RexOver over) {
    throw unsupported("window functions outside a window operator");
  }

  @Override public Column visitCorrelVariable(RexCorrelVariable correlVariable) {
    throw unsupported("correlated references");
  }

  @Override public Column visitFieldAccess(RexFieldAccess fieldAccess) {
    throw unsupported("field access");
  }

  @Override public Column visitSubQuery(RexSubQuery subQuery) {
    throw unsupported("this sub-query");
  }

  @Override public Column visitTableInputRef(RexTableInputRef fieldRef) {
    throw unsupported("table input references");
  }

  @Override public Column visitPatternFieldRef(RexPatternFieldRef fieldRef) {
    throw unsupported("MATCH_RECOGNIZE");
  }

  @Override public Column visitRangeRef(RexRangeRef rangeRef) {
    throw unsupported("range references");
  }

  @Override public Column visitLambda(RexLambda lambda) {
    throw unsupported("lambda expressions");
  }

  @Override public Column visitLambdaRef(RexLambdaRef lambdaRef) {
    throw unsupported("lambda expressions");
  }

  @Override public Column visitNodeAndFieldIndex(RexNodeAndFieldIndex nodeAndFieldIndex) {
    throw unsupported("field references");
  }

  private static FaiscaException unsupported(String what) {
    return new FaiscaException(ErrorCode.NOT_SUPPORTED, "Faísca cannot evaluate " + what + " yet");
  }
}
