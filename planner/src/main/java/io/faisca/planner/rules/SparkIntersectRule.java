package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkIntersect;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalIntersect;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Runs INTERSECT with Spark. */
public final class SparkIntersectRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalIntersect.class, Convention.NONE, SparkRel.CONVENTION, "SparkIntersectRule")
      .withRuleFactory(SparkIntersectRule::new);

  private SparkIntersectRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalIntersect setOp = (LogicalIntersect) rel;
    List<RelNode> inputs = setOp.getInputs().stream()
        .map(input -> convert(input, SparkRel.CONVENTION))
        .toList();
    return new SparkIntersect(setOp.getCluster(), setOp.getTraitSet().replace(SparkRel.CONVENTION), inputs, setOp.all);
  }
}
