package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkFilter;
import org.apache.calcite.rel.logical.LogicalFilter;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Filters rows with Spark. */
public final class SparkFilterRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalFilter.class, Convention.NONE, SparkRel.CONVENTION, "SparkFilterRule")
      .withRuleFactory(SparkFilterRule::new);

  private SparkFilterRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalFilter filter = (LogicalFilter) rel;
    return new SparkFilter(filter.getCluster(), filter.getTraitSet().replace(SparkRel.CONVENTION),
        convert(filter.getInput(), SparkRel.CONVENTION), filter.getCondition());
  }
}
