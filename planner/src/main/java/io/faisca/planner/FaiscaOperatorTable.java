package io.faisca.planner;

import java.util.List;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions Faísca's SQL knows: standard SQL plus a few common ones
 * that Spark SQL, PostgreSQL and DuckDB users expect. Each has a lowering
 * to Spark; a function listed here without one would fail at run time.
 */
final class FaiscaOperatorTable {
  private static final List<SqlOperator> LIBRARY = List.of(
      SqlLibraryOperators.CONCAT_FUNCTION,
      SqlLibraryOperators.CONCAT_WS,
      SqlLibraryOperators.LEFT,
      SqlLibraryOperators.RIGHT,
      SqlLibraryOperators.LPAD,
      SqlLibraryOperators.RPAD,
      SqlLibraryOperators.REPEAT,
      SqlLibraryOperators.REVERSE,
      SqlLibraryOperators.SPLIT_PART,
      SqlLibraryOperators.STARTS_WITH,
      SqlLibraryOperators.ENDS_WITH,
      SqlLibraryOperators.GREATEST_PG,
      SqlLibraryOperators.LEAST_PG,
      SqlLibraryOperators.NVL,
      SqlLibraryOperators.IFNULL,
      SqlLibraryOperators.ILIKE,
      SqlLibraryOperators.NOT_ILIKE,
      SqlLibraryOperators.CHR,
      SqlLibraryOperators.LTRIM,
      SqlLibraryOperators.RTRIM,
      SqlLibraryOperators.BOOL_AND,
      SqlLibraryOperators.BOOL_OR);

  static final SqlOperatorTable INSTANCE = SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(), SqlOperatorTables.of(LIBRARY));

  private FaiscaOperatorTable() {
  }
}
