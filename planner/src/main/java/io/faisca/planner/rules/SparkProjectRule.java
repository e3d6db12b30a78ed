package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkProject;
import org.apache.calcite.rel.logical.LogicalProject;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Computes a projection with Spark. */
public final class SparkProjectRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalProject.class, Convention.NONE, SparkRel.CONVENTION, "SparkProjectRule")
      .withRuleFactory(SparkProjectRule::new);

  private SparkProjectRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalProject project = (LogicalProject) rel;
    return new SparkProject(project.getCluster(), project.getTraitSet().replace(SparkRel.CONVENTION),
        convert(project.getInput(), SparkRel.CONVENTION), project.getProjects(), project.getRowType());
  }
}
