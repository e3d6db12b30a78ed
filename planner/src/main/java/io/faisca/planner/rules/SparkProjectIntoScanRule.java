package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkProject;
import io.faisca.planner.physical.SparkTableScan;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.immutables.value.Value;

/**
 * Narrows a scan to the columns the projection above it uses. A projection of
 * plain column references disappears into the scan; one that computes keeps
 * its expressions, over the narrowed scan.
 */
@Value.Enclosing
public final class SparkProjectIntoScanRule extends RelRule<SparkProjectIntoScanRule.Config> {
  private SparkProjectIntoScanRule(Config config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    SparkProject project = call.rel(0);
    SparkTableScan scan = call.rel(1);
    if (project.getProjects().stream().allMatch(e -> e instanceof RexInputRef)) {
      List<Integer> columns = new ArrayList<>();
      for (RexNode e : project.getProjects()) {
        columns.add(scan.projects().get(((RexInputRef) e).getIndex()));
      }
      call.transformTo(scan.withProjects(columns));
      return;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.cardinality() == scan.projects().size()) {
      return;
    }
    List<Integer> columns = new ArrayList<>();
    int[] newIndex = new int[scan.projects().size()];
    for (int field : used) {
      newIndex[field] = columns.size();
      columns.add(scan.projects().get(field));
    }
    List<RexNode> remapped = new ArrayList<>();
    for (RexNode e : project.getProjects()) {
      remapped.add(e.accept(new RexShuttle() {
        @Override public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
        }
      }));
    }
    call.transformTo(project.copy(project.getTraitSet(), scan.withProjects(columns), remapped,
        project.getRowType()));
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableSparkProjectIntoScanRule.Config.of()
        .withOperandSupplier(b0 -> b0.operand(SparkProject.class)
            .oneInput(b1 -> b1.operand(SparkTableScan.class).noInputs()));

    @Override default SparkProjectIntoScanRule toRule() {
      return new SparkProjectIntoScanRule(this);
    }
  }
}
