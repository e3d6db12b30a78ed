package io.faisca.planner;

import static java.util.Objects.requireNonNull;

import io.faisca.catalog.FileTable;
import io.faisca.planner.physical.SparkRel;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A query ready to run: its physical plan and the types clients see.
 *
 * @param sqlText the statement as the user wrote it
 * @param logical the plan after the logical rewrites, for EXPLAIN
 * @param physical the plan in the Spark convention
 * @param rowType result columns, with the names and types the validator derived
 * @param parameterRowType one field per {@code ?} parameter, in order
 * @param nestedLoops whether a join runs as a nested loop over an input that may be large: for
 *     each row Spark reads below it, it loops over that input without checking for cancellation
 * @param explain what the user asked to see instead of running the query, or null to run it
 * @param settings the session settings the plan follows
 */
public record PlannedQuery(
    String sqlText,
    RelNode logical,
    SparkRel physical,
    RelDataType rowType,
    RelDataType parameterRowType,
    boolean nestedLoops,
    ExplainRequest explain,
    PlannerSettings settings) {

  public PlannedQuery {
    requireNonNull(sqlText, "sqlText");
    requireNonNull(physical, "physical");
    requireNonNull(rowType, "rowType");
    requireNonNull(parameterRowType, "parameterRowType");
    requireNonNull(settings, "settings");
  }

  public boolean isExplain() {
    return explain != null;
  }

  /** The warehouse tables the plan reads, each as planning found it (views are expanded to theirs). */
  public List<FileTable> tables() {
    List<FileTable> tables = new ArrayList<>();
    new RelVisitor() {
      @Override public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof TableScan scan) {
          FileTable table = scan.getTable().unwrap(FileTable.class);
          if (table != null && !tables.contains(table)) {
            tables.add(table);
          }
        }
        super.visit(node, ordinal, parent);
      }
    }.go(physical);
    return tables;
  }

  /** What an EXPLAIN statement asked for. */
  public enum ExplainRequest {
    /** {@code EXPLAIN PLAN FOR}: the Calcite physical plan, the Spark physical plan and its stages. */
    PHYSICAL,
    /** {@code EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR}: the logical plan after rewrites. */
    LOGICAL,
    /** {@code EXPLAIN PLAN WITH TYPE FOR}: the result columns and their types. */
    TYPE
  }
}
