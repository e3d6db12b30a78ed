package io.faisca.planner.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.SemiJoinRule;

/**
 * Calcite's rules that turn a join with an aggregate, whose columns nobody
 * reads, into a semi join against the aggregate's input; here only where the
 * aggregate has a group key. A grand total ({@code GROUP BY ()}) yields one
 * row even over an empty input, so the join keeps every left row, while the
 * semi join against its empty input would keep none: decorrelated
 * {@code x IN (SELECT …) OR …} filters produce such joins.
 */
final class SemiJoinRules {
  static final RelOptRule PROJECT_TO_SEMI_JOIN =
      SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT
          .withOperandSupplier(b -> b.operand(Project.class).oneInput(b2 ->
              b2.operand(Join.class).predicate(SemiJoinRules::isInnerOrLeft).inputs(
                  b3 -> b3.operand(RelNode.class).anyInputs(),
                  b4 -> b4.operand(Aggregate.class).predicate(SemiJoinRules::isGrouped).anyInputs())))
          .as(SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.class)
          .toRule();

  static final RelOptRule JOIN_TO_SEMI_JOIN =
      SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT
          .withOperandSupplier(b -> b.operand(Join.class).predicate(SemiJoinRules::isInnerOrLeft).inputs(
              b3 -> b3.operand(RelNode.class).anyInputs(),
              b4 -> b4.operand(Aggregate.class).predicate(SemiJoinRules::isGrouped).anyInputs()))
          .as(SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.class)
          .toRule();

  private SemiJoinRules() {
  }

  private static boolean isInnerOrLeft(Join join) {
    return join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT;
  }

  private static boolean isGrouped(Aggregate aggregate) {
    return !aggregate.getGroupSet().isEmpty();
  }
}
