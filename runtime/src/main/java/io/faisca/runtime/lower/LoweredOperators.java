package io.faisca.runtime.lower;

import io.faisca.runtime.lower.calls.CallLowerings;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;

/**
 * Which SQL operators the lowering knows: calls by name or kind, aggregate
 * and window functions, and the operators that plan nodes lower (set
 * operations, sub-queries, grouping, ordering) or that the planner rewrites
 * into others before lowering (BETWEEN into comparisons, IN into SEARCH or
 * a join, PostgreSQL's GREATEST and LEAST into CASE).
 */
public final class LoweredOperators {
  private static final Set<SqlKind> BY_PLAN = Set.of(SqlKind.UNION, SqlKind.EXCEPT, SqlKind.INTERSECT,
      SqlKind.AS, SqlKind.FILTER, SqlKind.WITHIN_GROUP, SqlKind.OVER, SqlKind.IGNORE_NULLS,
      SqlKind.RESPECT_NULLS, SqlKind.DESCENDING, SqlKind.NULLS_FIRST, SqlKind.NULLS_LAST, SqlKind.CUBE,
      SqlKind.ROLLUP, SqlKind.GROUPING_SETS, SqlKind.GROUPING, SqlKind.EXISTS, SqlKind.IN, SqlKind.NOT_IN,
      SqlKind.SOME, SqlKind.ALL, SqlKind.ROW, SqlKind.VALUES, SqlKind.EXPLICIT_TABLE, SqlKind.LATERAL,
      SqlKind.LITERAL_CHAIN,
      SqlKind.BETWEEN, SqlKind.GREATEST_PG, SqlKind.LEAST_PG);

  private LoweredOperators() {
  }

  public static boolean lowers(SqlOperator operator) {
    SqlKind kind = operator.getKind();
    return CallLowerings.loweredNames().contains(operator.getName().toUpperCase(Locale.ROOT))
        || CallLowerings.loweredKinds().contains(kind)
        || AggregateFunctions.LOWERED.contains(kind)
        || WindowLowering.LOWERED.contains(kind)
        || BY_PLAN.contains(kind);
  }
}
