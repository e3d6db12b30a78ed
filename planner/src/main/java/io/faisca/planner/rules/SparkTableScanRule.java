package io.faisca.planner.rules;

import io.faisca.catalog.FileTable;
import io.faisca.planner.physical.SparkTableScan;
import org.apache.calcite.rel.logical.LogicalTableScan;
import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Reads a warehouse table with Spark. */
public final class SparkTableScanRule extends ConverterRule {
  public static final Config DEFAULT_CONFIG = Config.INSTANCE
      .withConversion(LogicalTableScan.class, Convention.NONE, SparkRel.CONVENTION, "SparkTableScanRule")
      .withRuleFactory(SparkTableScanRule::new);

  private SparkTableScanRule(Config config) {
    super(config);
  }

  @Override public RelNode convert(RelNode rel) {
    LogicalTableScan scan = (LogicalTableScan) rel;
    if (scan.getTable().unwrap(FileTable.class) == null) {
      return null;
    }
    return SparkTableScan.create(scan.getCluster(), scan.getTable());
  }
}
