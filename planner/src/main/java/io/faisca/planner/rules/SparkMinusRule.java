package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkMinus;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalMinus;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Runs EXCEPT with Spark. */
public final class SparkMinusRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalMinus.class, Convention.NONE, SparkRel.CONVENTION, "SparkMinusRule")
      .withRuleFactory(SparkMinusRule::new);

  private SparkMinusRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalMinus setOp = (LogicalMinus) rel;
    List<RelNode> inputs = setOp.getInputs().stream()
        .map(input -> convert(input, SparkRel.CONVENTION))
        .toList();
    return new SparkMinus(setOp.getCluster(), setOp.getTraitSet().replace(SparkRel.CONVENTION), inputs, setOp.all);
  }
}
