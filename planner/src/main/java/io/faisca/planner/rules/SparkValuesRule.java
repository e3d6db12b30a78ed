package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkValues;
import org.apache.calcite.rel.logical.LogicalValues;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Turns literal rows into a local Spark Dataset. */
public final class SparkValuesRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalValues.class, Convention.NONE, SparkRel.CONVENTION, "SparkValuesRule")
      .withRuleFactory(SparkValuesRule::new);

  private SparkValuesRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalValues values = (LogicalValues) rel;
    return new SparkValues(values.getCluster(), values.getRowType(), values.getTuples(),
        values.getTraitSet().replace(SparkRel.CONVENTION));
  }
}
