package io.faisca.planner.rules;

import io.faisca.planner.physical.SparkFilter;
import io.faisca.planner.physical.SparkTableScan;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.immutables.value.Value;

/**
 * Moves a filter into the scan below it, rewritten over the table's columns,
 * so the scan reads as "these columns of the rows that pass" and Spark pushes
 * the predicate into the Parquet reader.
 */
@Value.Enclosing
public final class SparkFilterIntoScanRule extends RelRule<SparkFilterIntoScanRule.Config> {
  private SparkFilterIntoScanRule(Config config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    SparkFilter filter = call.rel(0);
    SparkTableScan scan = call.rel(1);
    RexNode overTable = filter.getCondition().accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(scan.projects().get(ref.getIndex()), ref.getType());
      }
    });
    RelBuilder builder = call.builder();
    RexNode combined = scan.filter() == null ? overTable : builder.and(scan.filter(), overTable);
    call.transformTo(scan.withFilter(combined));
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableSparkFilterIntoScanRule.Config.of()
        .withOperandSupplier(b0 -> b0.operand(SparkFilter.class)
            .oneInput(b1 -> b1.operand(SparkTableScan.class).noInputs()));

    @Override default SparkFilterIntoScanRule toRule() {
      return new SparkFilterIntoScanRule(this);
    }
  }
}
