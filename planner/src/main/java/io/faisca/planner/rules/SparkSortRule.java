package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkSort;
import org.apache.calcite.rel.logical.LogicalSort;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Sorts and limits with Spark. */
public final class SparkSortRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalSort.class, Convention.NONE, SparkRel.CONVENTION, "SparkSortRule")
      .withRuleFactory(SparkSortRule::new);

  private SparkSortRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalSort sort = (LogicalSort) rel;
    return new SparkSort(sort.getCluster(), sort.getTraitSet().replace(SparkRel.CONVENTION),
        convert(sort.getInput(), SparkRel.CONVENTION), sort.getCollation(), sort.offset, sort.fetch);
  }
}
