package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkUnion;
import java.util.List;
import org.apache.calcite.rel.logical.LogicalUnion;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Runs UNION with Spark. */
public final class SparkUnionRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalUnion.class, Convention.NONE, SparkRel.CONVENTION, "SparkUnionRule")
      .withRuleFactory(SparkUnionRule::new);

  private SparkUnionRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalUnion setOp = (LogicalUnion) rel;
    List<RelNode> inputs = setOp.getInputs().stream()
        .map(input -> convert(input, SparkRel.CONVENTION))
        .toList();
    return new SparkUnion(setOp.getCluster(), setOp.getTraitSet().replace(SparkRel.CONVENTION), inputs, setOp.all);
  }
}
