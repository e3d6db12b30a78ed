package io.faisca.planner;

import io.faisca.planner.rules.SparkRules;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.RelBuilder;

/**
 * The logical rewrite phases, in order. Each phase is a small Hep program;
 * only the physical conversion afterwards uses Volcano. Exhaustive join
 * enumeration in one Volcano run does not scale to TPC-H's joins (q07 takes
 * ~30 s), while these phases plan every TPC-H query in milliseconds.
 */
final class LogicalRewrites {
  /** Sub-queries become correlates, which the decorrelator then turns into joins. */
  private static final List<RelOptRule> SUB_QUERIES = List.of(
      CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
      CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
      CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);

  /**
   * Simplification and push-down to a fixpoint. Disjunction expansion stays
   * out of it: inside the fixpoint it overflows the stack on q07 and q19.
   */
  private static final List<RelOptRule> SIMPLIFY_AND_PUSH = List.of(
      CoreRules.FILTER_REDUCE_EXPRESSIONS,
      CoreRules.PROJECT_REDUCE_EXPRESSIONS,
      CoreRules.JOIN_REDUCE_EXPRESSIONS,
      CoreRules.FILTER_MERGE,
      CoreRules.FILTER_PROJECT_TRANSPOSE,
      CoreRules.FILTER_INTO_JOIN,
      CoreRules.JOIN_CONDITION_PUSH,
      CoreRules.JOIN_PUSH_EXPRESSIONS,
      CoreRules.FILTER_AGGREGATE_TRANSPOSE,
      CoreRules.FILTER_SET_OP_TRANSPOSE,
      CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE,
      CoreRules.AGGREGATE_PROJECT_MERGE,
      SparkRules.PROJECT_TO_SEMI_JOIN,
      SparkRules.JOIN_TO_SEMI_JOIN,
      CoreRules.UNION_MERGE,
      CoreRules.UNION_REMOVE,
      CoreRules.SORT_REMOVE_CONSTANT_KEYS,
      PruneEmptyRules.FILTER_INSTANCE,
      PruneEmptyRules.PROJECT_INSTANCE,
      PruneEmptyRules.JOIN_LEFT_INSTANCE,
      PruneEmptyRules.JOIN_RIGHT_INSTANCE,
      PruneEmptyRules.AGGREGATE_INSTANCE,
      PruneEmptyRules.SORT_INSTANCE,
      PruneEmptyRules.UNION_INSTANCE);

  private LogicalRewrites() {
  }

  static RelNode apply(RelNode rel, RelBuilder relBuilder) {
    RelNode current = hep(rel, HepMatchOrder.DEPTH_FIRST, List.of(SparkRules.EXISTS_TO_SEMI_JOIN));
    current = hep(current, HepMatchOrder.DEPTH_FIRST, SUB_QUERIES);
    current = RelDecorrelator.decorrelateQuery(current, relBuilder);
    current = hep(current, HepMatchOrder.BOTTOM_UP,
        List.of(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW));
    current = trim(current, relBuilder);
    current = hep(current, HepMatchOrder.BOTTOM_UP,
        List.of(SparkRules.PULL_COMMON_FACTORS_FILTER, SparkRules.PULL_COMMON_FACTORS_JOIN));
    current = hep(current, HepMatchOrder.BOTTOM_UP,
        List.of(CoreRules.EXPAND_FILTER_DISJUNCTION_LOCAL, CoreRules.EXPAND_JOIN_DISJUNCTION_LOCAL));
    current = hep(current, HepMatchOrder.BOTTOM_UP, SIMPLIFY_AND_PUSH);
    current = orderJoins(current);
    current = hep(current, HepMatchOrder.BOTTOM_UP,
        List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_MERGE,
            CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.PROJECT_WINDOW_TRANSPOSE));
    return trim(current, relBuilder);
  }

  /**
   * Gathers each tree of inner joins into one multi-join and orders it
   * heuristically, left-deep, by the cardinalities our statistics give.
   */
  private static RelNode orderJoins(RelNode rel) {
    if (RelOptUtil.countJoins(rel) < 2) {
      return rel;
    }
    RelNode multiJoined = hep(rel, HepMatchOrder.BOTTOM_UP,
        List.of(CoreRules.JOIN_TO_MULTI_JOIN, CoreRules.PROJECT_MULTI_JOIN_MERGE,
            CoreRules.FILTER_MULTI_JOIN_MERGE));
    return hep(multiJoined, HepMatchOrder.BOTTOM_UP, List.of(CoreRules.MULTI_JOIN_OPTIMIZE));
  }

  private static RelNode trim(RelNode rel, RelBuilder relBuilder) {
    return new RelFieldTrimmer(null, relBuilder).trim(rel);
  }

  private static RelNode hep(RelNode rel, HepMatchOrder order, List<RelOptRule> rules) {
    HepProgram program = new HepProgramBuilder()
        .addMatchOrder(order)
        .addRuleCollection(rules)
        .build();
    HepPlanner planner = new HepPlanner(program, null, true, null,
        org.apache.calcite.plan.RelOptCostImpl.FACTORY);
    planner.setRoot(rel);
    return planner.findBestExp();
  }
}
