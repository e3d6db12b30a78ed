package io.faisca.planner;

import io.faisca.catalog.FileTable;
import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.planner.rules.SparkJoinRule;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;

/**
 * Checks, before physical planning, that every operator of a logical plan has
 * a Spark counterpart, so an unsupported query fails with a sentence instead
 * of the planner's dump of its search space.
 */
final class SupportedPlan {
  private static final Set<Class<? extends RelNode>> CONVERTIBLE = Set.of(
      LogicalTableScan.class, LogicalValues.class, LogicalProject.class, LogicalFilter.class,
      LogicalAggregate.class, LogicalJoin.class, LogicalSort.class, LogicalUnion.class,
      LogicalIntersect.class, LogicalMinus.class, LogicalWindow.class);

  private SupportedPlan() {
  }

  static void check(RelNode rel) {
    checkNode(rel);
    rel.getInputs().forEach(SupportedPlan::check);
  }

  private static void checkNode(RelNode node) {
    if (node instanceof Correlate) {
      throw unsupported("a correlated sub-query that could not be turned into a join");
    }
    if (node instanceof RepeatUnion) {
      throw unsupported("WITH RECURSIVE");
    }
    if (!CONVERTIBLE.contains(node.getClass())) {
      throw unsupported("the relational operator " + node.getRelTypeName());
    }
    if (node instanceof Join join && !SparkJoinRule.SUPPORTED.contains(join.getJoinType())) {
      throw unsupported(join.getJoinType() + " join");
    }
    if (node instanceof TableScan scan && scan.getTable().unwrap(FileTable.class) == null) {
      throw unsupported("reading " + scan.getTable().getQualifiedName());
    }
  }

  private static FaiscaException unsupported(String what) {
    return new FaiscaException(ErrorCode.NOT_SUPPORTED, "Faísca cannot run " + what + " yet");
  }
}
