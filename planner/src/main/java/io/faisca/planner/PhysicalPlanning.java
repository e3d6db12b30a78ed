package io.faisca.planner;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.physical.SparkRel;
import io.faisca.planner.rules.SparkRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelNode;

/**
 * The last phases: Volcano converts the logical plan into the Spark
 * convention (one conversion rule per operator, no join enumeration), then
 * scans absorb the filters and projections above them and joins with a small
 * input mark it for broadcast, as the session's broadcast threshold allows.
 */
final class PhysicalPlanning {
  private PhysicalPlanning() {
  }

  static SparkRel toPhysical(VolcanoPlanner volcano, RelNode logical, PlannerSettings settings) {
    for (RelOptRule rule : SparkRules.CONVERSION) {
      volcano.addRule(rule);
    }
    RelTraitSet desired = logical.getTraitSet().replace(SparkRel.CONVENTION);
    volcano.setRoot(volcano.changeTraits(logical, desired));
    RelNode best;
    try {
      best = volcano.findBestExp();
    } catch (RelOptPlanner.CannotPlanException e) {
      throw new FaiscaException(ErrorCode.NOT_SUPPORTED,
          "Faísca cannot run this query yet: no Spark plan implements it", e);
    }
    HepProgramBuilder program = new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleCollection(SparkRules.SCAN_PUSH_DOWN);
    if (settings.broadcasts()) {
      program.addRuleInstance(SparkRules.joinBroadcast(settings.maxBroadcastEstimateBytes()));
    }
    HepPlanner hep = new HepPlanner(program.build());
    hep.setRoot(best);
    return (SparkRel) hep.findBestExp();
  }
}
