package io.faisca.runtime.lower;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkJoin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A join is a Spark join on the lowered condition. The right input's columns
 * are renamed to continue the left's numbering, so every name in the
 * condition is unambiguous even when both sides read the same table. An
 * input the planner marked small is broadcast.
 */
final class JoinLowering {
  private JoinLowering() {
  }

  static Dataset<Row> lower(SparkJoin join, Dataset<Row> left, Dataset<Row> right, LoweringContext context) {
    List<String> names = new ArrayList<>(Arrays.asList(left.columns()));
    List<String> rightNames = ColumnNames.of(join.getRight().getRowType(), names.size());
    names.addAll(rightNames);
    Dataset<Row> renamedRight = right.toDF(rightNames.toArray(String[]::new));
    Dataset<Row> leftInput = join.broadcast() == SparkJoin.Broadcast.LEFT ? functions.broadcast(left) : left;
    Dataset<Row> rightInput = join.broadcast() == SparkJoin.Broadcast.RIGHT
        ? functions.broadcast(renamedRight) : renamedRight;
    return leftInput.join(rightInput, new RexToColumn(names, context).lower(join.getCondition()),
        sparkJoinType(join));
  }

  private static String sparkJoinType(SparkJoin join) {
    switch (join.getJoinType()) {
      case INNER:
        return "inner";
      case LEFT:
        return "left_outer";
      case RIGHT:
        return "right_outer";
      case FULL:
        return "full_outer";
      case SEMI:
        return "left_semi";
      case ANTI:
        return "left_anti";
      default:
        throw new FaiscaException(ErrorCode.NOT_SUPPORTED, join.getJoinType() + " joins are not supported");
    }
  }
}
