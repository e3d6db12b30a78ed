package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkAggregate;
import org.apache.calcite.rel.logical.LogicalAggregate;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Aggregates with Spark. */
public final class SparkAggregateRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalAggregate.class, Convention.NONE, SparkRel.CONVENTION, "SparkAggregateRule")
      .withRuleFactory(SparkAggregateRule::new);

  private SparkAggregateRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalAggregate aggregate = (LogicalAggregate) rel;
    return new SparkAggregate(aggregate.getCluster(), aggregate.getTraitSet().replace(SparkRel.CONVENTION),
        convert(aggregate.getInput(), SparkRel.CONVENTION), aggregate.getGroupSet(),
        aggregate.getGroupSets(), aggregate.getAggCallList());
  }
}
