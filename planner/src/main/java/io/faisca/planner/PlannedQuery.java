package io.faisca.planner;

import static java.util.Objects.requireNonNull;

import io.faisca.planner.physical.SparkRel;
import org.apache.calcite.rel.RelNode;
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
 */
public record PlannedQuery(
    String sqlText,
    RelNode logical,
    SparkRel physical,
    RelDataType rowType,
    RelDataType parameterRowType,
    boolean nestedLoops,
    ExplainRequest explain) {

  public PlannedQuery {
    requireNonNull(sqlText, "sqlText");
    requireNonNull(physical, "physical");
    requireNonNull(rowType, "rowType");
    requireNonNull(parameterRowType, "parameterRowType");
  }

  public boolean isExplain() {
    return explain != null;
  }

  /** What an EXPLAIN statement asked for. */
  public enum ExplainRequest {
    /** {@code EXPLAIN PLAN FOR}: the Calcite physical plan and the Spark physical plan. */
    PHYSICAL,
    /** {@code EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR}: the logical plan after rewrites. */
    LOGICAL,
    /** {@code EXPLAIN PLAN WITH TYPE FOR}: the result columns and their types. */
    TYPE
  }
}
