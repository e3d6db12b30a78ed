package io.faisca.runtime.lower.calls;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.lower.Literals;
import io.faisca.runtime.lower.RexToColumn;
import io.faisca.runtime.lower.SparkTypes;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.spark.sql.Column;

/** Helpers to build lowerings from the lowered operands of a call. */
final class Operands {
  private Operands() {
  }

  static Column[] all(RexCall call, RexToColumn rex) {
    return call.getOperands().stream().map(rex::lower).toArray(Column[]::new);
  }

  /** Operands cast to the call's own type, for functions whose arguments and result share a type. */
  static Column[] asResultType(RexCall call, RexToColumn rex) {
    return call.getOperands().stream()
        .map(o -> rex.lower(o).cast(SparkTypes.of(call.getType())))
        .toArray(Column[]::new);
  }

  static CallLowering unary(UnaryOperator<Column> f) {
    return (call, rex) -> f.apply(rex.lower(call.getOperands().get(0)));
  }

  static CallLowering binary(BinaryOperator<Column> f) {
    return (call, rex) -> f.apply(rex.lower(call.getOperands().get(0)), rex.lower(call.getOperands().get(1)));
  }

  /** Left-folds an n-ary operator such as AND or OR. */
  static CallLowering fold(BinaryOperator<Column> f) {
    return (call, rex) -> {
      Column[] operands = all(call, rex);
      Column result = operands[0];
      for (int i = 1; i < operands.length; i++) {
        result = f.apply(result, operands[i]);
      }
      return result;
    };
  }

  /** The value of an operand that must be a literal, such as a TRIM character set. */
  static Object literal(RexCall call, int index, String what) {
    RexNode operand = call.getOperands().get(index);
    if (!(operand instanceof RexLiteral literal)) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          call.getOperator().getName() + " needs a constant " + what);
    }
    return Literals.toJava(literal);
  }

  static List<RexNode> rest(RexCall call, int from) {
    return call.getOperands().subList(from, call.getOperands().size());
  }
}
