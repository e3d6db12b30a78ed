package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkJoin;
import io.faisca.planner.physical.SparkJoin.Broadcast;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.immutables.value.Value;

/**
 * Marks a join input for broadcast when the planner's estimate puts it under
 * the session's broadcast threshold ({@code spark.sql.autoBroadcastJoinThreshold},
 * with a margin: see {@link io.faisca.planner.PlannerSettings}). Spark sizes
 * inputs itself, but it does not see that a filtered or aggregated input is
 * small: without the mark, a join of a large table with a small aggregate
 * shuffles the large table (TPC-H q17, q20).
 */
@Value.Enclosing
public final class SparkJoinBroadcastRule extends RelRule<SparkJoinBroadcastRule.Config> {
  private SparkJoinBroadcastRule(Config config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    SparkJoin join = call.rel(0);
    if (join.broadcast() != Broadcast.NONE) {
      return;
    }
    RelMetadataQuery mq = call.getMetadataQuery();
    double left = canBroadcastLeft(join) ? bytes(mq, join.getLeft()) : Double.MAX_VALUE;
    double right = canBroadcastRight(join) ? bytes(mq, join.getRight()) : Double.MAX_VALUE;
    if (Math.min(left, right) > config.maxBroadcastBytes()) {
      return;
    }
    call.transformTo(join.withBroadcast(right <= left ? Broadcast.RIGHT : Broadcast.LEFT));
  }

  private static boolean canBroadcastLeft(SparkJoin join) {
    return switch (join.getJoinType()) {
      case INNER, RIGHT -> true;
      default -> false;
    };
  }

  private static boolean canBroadcastRight(SparkJoin join) {
    return switch (join.getJoinType()) {
      case INNER, LEFT, SEMI, ANTI -> true;
      default -> false;
    };
  }

  private static double bytes(RelMetadataQuery mq, RelNode rel) {
    Double rows = mq.getRowCount(rel);
    if (rows == null) {
      return Double.MAX_VALUE;
    }
    double rowBytes = 0;
    for (RelDataTypeField field : rel.getRowType().getFieldList()) {
      rowBytes += switch (field.getType().getSqlTypeName()) {
        case CHAR, VARCHAR, VARBINARY, BINARY -> 32;
        case DECIMAL -> 16;
        default -> 8;
      };
    }
    return rows * rowBytes;
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableSparkJoinBroadcastRule.Config.of()
        .withOperandSupplier(b -> b.operand(SparkJoin.class).anyInputs());

    /** The largest estimated input size, in bytes, to mark for broadcast. */
    @Value.Default default double maxBroadcastBytes() {
      return io.faisca.planner.PlannerSettings.DEFAULT.maxBroadcastEstimateBytes();
    }

    /** Sets {@link #maxBroadcastBytes()}. */
    Config withMaxBroadcastBytes(double maxBroadcastBytes);

    @Override default SparkJoinBroadcastRule toRule() {
      return new SparkJoinBroadcastRule(this);
    }
  }
}
