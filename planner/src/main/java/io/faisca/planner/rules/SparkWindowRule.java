package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkWindow;
import org.apache.calcite.rel.logical.LogicalWindow;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Computes window functions with Spark. */
public final class SparkWindowRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalWindow.class, Convention.NONE, SparkRel.CONVENTION, "SparkWindowRule")
      .withRuleFactory(SparkWindowRule::new);

  private SparkWindowRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalWindow window = (LogicalWindow) rel;
    return new SparkWindow(window.getCluster(), window.getTraitSet().replace(SparkRel.CONVENTION),
        convert(window.getInput(), SparkRel.CONVENTION), window.getConstants(), window.getRowType(),
        window.groups);
  }
}
