package io.faisca.planner;

import static org.apache.calcite.sql.fun.SqlStdOperatorTable.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions and operators Faísca's SQL offers: each has a lowering to
 * Spark and a script test. Every other operator Calcite knows is refused
 * while validating ({@link UnsupportedCalls}), so that no query fails at
 * run time for want of a lowering.
 */
public final class FaiscaOperatorTable {
  /** Operators that shape the query rather than compute a value: plan operators lower them. */
  private static final List<SqlOperator> STRUCTURE = List.of(
      UNION, UNION_ALL, EXCEPT, EXCEPT_ALL, INTERSECT, INTERSECT_ALL,
      AS, FILTER, WITHIN_GROUP, OVER, IGNORE_NULLS, RESPECT_NULLS, DESC, NULLS_FIRST, NULLS_LAST,
      CUBE, ROLLUP, GROUPING_SETS, GROUPING, GROUPING_ID, EXISTS, IN, NOT_IN,
      SOME_LT, SOME_LE, SOME_GT, SOME_GE, SOME_EQ, SOME_NE, ALL_LT, ALL_LE, ALL_GT, ALL_GE, ALL_EQ, ALL_NE,
      ROW, VALUES, EXPLICIT_TABLE, LATERAL, LITERAL_CHAIN, CAST, CASE);

  private static final List<SqlOperator> SCALARS = List.of(
      AND, OR, NOT, EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
      IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE,
      IS_NOT_FALSE, IS_UNKNOWN, IS_NOT_UNKNOWN, BETWEEN, NOT_BETWEEN, SYMMETRIC_BETWEEN, SYMMETRIC_NOT_BETWEEN,
      PLUS, MINUS, MULTIPLY, DIVIDE, PERCENT_REMAINDER, MOD, UNARY_MINUS, UNARY_PLUS, MINUS_DATE,
      NULLIF, COALESCE,
      LIKE, NOT_LIKE,
      CONCAT, UPPER, LOWER, INITCAP, CHAR_LENGTH, CHARACTER_LENGTH, OCTET_LENGTH, ASCII, SUBSTRING, REPLACE,
      OVERLAY, TRIM, POSITION,
      ABS, SIGN, POWER, SQRT, CBRT, EXP, LN, LOG10, PI, RAND, RAND_INTEGER, ROUND, TRUNCATE, FLOOR, CEIL,
      SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, DEGREES, RADIANS,
      EXTRACT, CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, TIMESTAMP_ADD, TIMESTAMP_DIFF);

  private static final List<SqlOperator> AGGREGATES = List.of(
      COUNT, SUM, AVG, MIN, MAX, EVERY, SOME, ANY_VALUE, MODE, APPROX_COUNT_DISTINCT, ARG_MAX, ARG_MIN,
      STDDEV, STDDEV_POP, STDDEV_SAMP, VARIANCE, VAR_POP, VAR_SAMP, COVAR_POP, COVAR_SAMP,
      REGR_COUNT, REGR_SXX, REGR_SYY, BIT_AND, BIT_OR, BIT_XOR, PERCENTILE_CONT, PERCENTILE_DISC, LISTAGG,
      ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
      NTH_VALUE);

  /** Common functions of Spark SQL, PostgreSQL and DuckDB that standard SQL lacks. */
  private static final List<SqlOperator> LIBRARY = List.of(
      // PostgreSQL's CONCAT, which skips NULLs (MySQL's returns NULL).
      SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL,
      SqlLibraryOperators.CONCAT_WS,
      SqlLibraryOperators.LENGTH,
      SqlLibraryOperators.STRPOS,
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
      SqlLibraryOperators.BOOL_OR,
      SqlLibraryOperators.STRING_AGG);

  /** Every operator a user may call. */
  public static final Set<SqlOperator> SUPPORTED = union(STRUCTURE, SCALARS, AGGREGATES, LIBRARY);

  /**
   * Calcite's tables, keeping only the supported operators: their lookups know
   * each syntax's ways of being called (COUNT(*) is a function with a star).
   */
  public static final SqlOperatorTable INSTANCE = new Filtered(
      SqlOperatorTables.chain(SqlStdOperatorTable.instance(), SqlOperatorTables.of(LIBRARY)));

  /** Every operator Calcite defines, standard or from a dialect's library: those not supported are refused. */
  public static final Set<SqlOperator> KNOWN = union(SqlStdOperatorTable.instance().getOperatorList(),
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(EnumSet.allOf(SqlLibrary.class))
          .getOperatorList());

  private FaiscaOperatorTable() {
  }

  /** Another table's operators, the supported ones only. */
  private static final class Filtered implements SqlOperatorTable {
    private final SqlOperatorTable all;

    Filtered(SqlOperatorTable all) {
      this.all = all;
    }

    @Override public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> found, SqlNameMatcher nameMatcher) {
      List<SqlOperator> candidates = new ArrayList<>();
      all.lookupOperatorOverloads(name, category, syntax, candidates, nameMatcher);
      candidates.stream().filter(SUPPORTED::contains).forEach(found::add);
    }

    @Override public List<SqlOperator> getOperatorList() {
      return all.getOperatorList().stream().filter(SUPPORTED::contains).toList();
    }
  }

  @SafeVarargs
  private static Set<SqlOperator> union(List<SqlOperator>... lists) {
    Set<SqlOperator> all = new HashSet<>();
    for (List<SqlOperator> list : lists) {
      all.addAll(list);
    }
    return Set.copyOf(all);
  }
}
