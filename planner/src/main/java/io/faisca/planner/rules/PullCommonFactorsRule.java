package io.faisca.planner.rules;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.immutables.value.Value;

/**
 * Pulls the conjuncts that every branch of an OR shares out in front of it:
 * {@code (a AND b) OR (a AND c)} becomes {@code a AND (b OR c)}. TPC-H q19
 * repeats its join condition in each branch; pulled out, it makes a hash join
 * instead of a nested loop.
 */
@Value.Enclosing
public final class PullCommonFactorsRule extends RelRule<PullCommonFactorsRule.Config> {
  private PullCommonFactorsRule(Config config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    if (call.rel(0) instanceof Filter filter) {
      RexNode pulled = RexUtil.pullFactors(filter.getCluster().getRexBuilder(), filter.getCondition());
      if (!pulled.equals(filter.getCondition())) {
        call.transformTo(filter.copy(filter.getTraitSet(), filter.getInput(), pulled));
      }
    } else {
      Join join = call.rel(0);
      RexNode pulled = RexUtil.pullFactors(join.getCluster().getRexBuilder(), join.getCondition());
      if (!pulled.equals(join.getCondition())) {
        call.transformTo(join.copy(join.getTraitSet(), pulled, join.getLeft(), join.getRight(),
            join.getJoinType(), join.isSemiJoinDone()));
      }
    }
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config FILTER = ImmutablePullCommonFactorsRule.Config.of()
        .withOperandSupplier(b -> b.operand(LogicalFilter.class).anyInputs())
        .withDescription("PullCommonFactorsRule:filter");

    Config JOIN = ImmutablePullCommonFactorsRule.Config.of()
        .withOperandSupplier(b -> b.operand(LogicalJoin.class).anyInputs())
        .withDescription("PullCommonFactorsRule:join");

    @Override default PullCommonFactorsRule toRule() {
      return new PullCommonFactorsRule(this);
    }
  }
}
