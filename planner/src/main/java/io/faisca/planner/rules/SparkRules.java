package io.faisca.planner.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** Faísca's rules, by the phase that uses them. */
public final class SparkRules {
  /** One conversion rule per operator, from the logical convention to {@code SPARK}. */
  public static final List<RelOptRule> CONVERSION = List.of(
      SparkTableScanRule.DEFAULT_CONFIG.toRule(),
      SparkValuesRule.DEFAULT_CONFIG.toRule(),
      SparkProjectRule.DEFAULT_CONFIG.toRule(),
      SparkFilterRule.DEFAULT_CONFIG.toRule(),
      SparkAggregateRule.DEFAULT_CONFIG.toRule(),
      SparkJoinRule.DEFAULT_CONFIG.toRule(),
      SparkSortRule.DEFAULT_CONFIG.toRule(),
      SparkUnionRule.DEFAULT_CONFIG.toRule(),
      SparkIntersectRule.DEFAULT_CONFIG.toRule(),
      SparkMinusRule.DEFAULT_CONFIG.toRule(),
      SparkWindowRule.DEFAULT_CONFIG.toRule());

  /** Rewrites of the physical plan: scans absorb the filters and projections above them. */
  public static final List<RelOptRule> SCAN_PUSH_DOWN = List.of(
      SparkFilterIntoScanRule.Config.DEFAULT.toRule(),
      SparkProjectIntoScanRule.Config.DEFAULT.toRule());

  /** The last physical rewrite: joins with an input estimated at most {@code maxBytes} broadcast it. */
  public static RelOptRule joinBroadcast(double maxBytes) {
    return SparkJoinBroadcastRule.Config.DEFAULT.withMaxBroadcastBytes(maxBytes).toRule();
  }

  public static final RelOptRule EXISTS_TO_SEMI_JOIN = ExistsToSemiJoinRule.Config.DEFAULT.toRule();

  public static final RelOptRule PROJECT_TO_SEMI_JOIN = SemiJoinRules.PROJECT_TO_SEMI_JOIN;
  public static final RelOptRule JOIN_TO_SEMI_JOIN = SemiJoinRules.JOIN_TO_SEMI_JOIN;

  public static final RelOptRule PULL_COMMON_FACTORS_FILTER = PullCommonFactorsRule.Config.FILTER.toRule();
  public static final RelOptRule PULL_COMMON_FACTORS_JOIN = PullCommonFactorsRule.Config.JOIN.toRule();

  private SparkRules() {
  }
}
