package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkJoin;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Joins with Spark: inner, outer, semi and anti joins. */
public final class SparkJoinRule extends ConverterRule {
  /** Join types Spark runs; mark and as-of joins are not among them. */
  public static final Set<JoinRelType> SUPPORTED = EnumSet.of(JoinRelType.INNER, JoinRelType.LEFT,
      JoinRelType.RIGHT, JoinRelType.FULL, JoinRelType.SEMI, JoinRelType.ANTI);

  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalJoin.class, Convention.NONE, SparkRel.CONVENTION, "SparkJoinRule")
      .withRuleFactory(SparkJoinRule::new);

  private SparkJoinRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalJoin join = (LogicalJoin) rel;
    if (!SUPPORTED.contains(join.getJoinType())) {
      return null;
    }
    return new SparkJoin(join.getCluster(), join.getTraitSet().replace(SparkRel.CONVENTION),
        convert(join.getLeft(), SparkRel.CONVENTION), convert(join.getRight(), SparkRel.CONVENTION),
        join.getCondition(), join.getJoinType());
  }
}
