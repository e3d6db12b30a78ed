package io.faisca.error;

/**
 * Every error Faísca reports, with the SQLState a JDBC client sees.
 *
 * <p>Codes follow SQL:2011 and X/Open classes where one fits (42 syntax and
 * access rules, 22 data exceptions, 08 connection), so client tools that
 * branch on the class do the right thing.
 */
public enum ErrorCode {
  SYNTAX_ERROR("42000"),
  INVALID_QUERY("42000"),
  TABLE_NOT_FOUND("42S02"),
  TABLE_EXISTS("42S01"),
  /** SQL's invalid schema name: the schema named does not exist. */
  SCHEMA_NOT_FOUND("3F000"),
  /** PostgreSQL's duplicate_schema: SQL and X/Open have no code of their own for it. */
  SCHEMA_EXISTS("42P06"),
  /** Dependent objects still exist: a schema holding tables or views, dropped without CASCADE. */
  SCHEMA_NOT_EMPTY("2BP01"),
  /** PostgreSQL's wrong_object_type: a view named where a table must be, or the other way round. */
  WRONG_OBJECT_TYPE("42809"),
  NOT_NULL_VIOLATION("23502"),
  COMMIT_CONFLICT("40001"),
  COLUMN_NOT_FOUND("42S22"),
  COLUMN_EXISTS("42S21"),
  FUNCTION_NOT_FOUND("42883"),
  TYPE_MISMATCH("42804"),
  UNKNOWN_SETTING("42704"),
  STATEMENT_TOO_LONG("54000"),
  QUERY_TOO_COMPLEX("54001"),
  TOO_MANY_STATEMENTS("53000"),
  /** Spark could not get the memory a query needs (UNABLE_TO_ACQUIRE_MEMORY): the server's, not the query's fault. */
  OUT_OF_MEMORY("53200"),
  QUERY_TIMEOUT("HYT00"),
  DIVISION_BY_ZERO("22012"),
  NUMERIC_OUT_OF_RANGE("22003"),
  INVALID_CAST("22018"),
  INVALID_ARGUMENT("22023"),
  INVALID_DATETIME("22007"),
  /** SQL's datetime field overflow: a date or timestamp past year 9999 or before year 1. */
  DATETIME_OVERFLOW("22008"),
  /** SQL's invalid argument for natural logarithm: LN or LOG10 of zero or a negative number. */
  INVALID_LOGARITHM_ARGUMENT("2201E"),
  /** SQL's invalid escape sequence: a LIKE pattern whose escape character precedes neither %, _ nor itself. */
  INVALID_ESCAPE_SEQUENCE("22025"),
  /** SQL's substring error: SUBSTRING with a negative length. */
  SUBSTRING_ERROR("22011"),
  CARDINALITY_VIOLATION("21000"),
  NOT_SUPPORTED("0A000"),
  WAREHOUSE_NOT_FOUND("08001"),
  INVALID_CONNECTION_PROPERTY("08001"),
  MASTER_UNREACHABLE("08001"),
  CONNECTION_NOT_FOUND("08003"),
  CONNECTION_IN_USE("08002"),
  STATEMENT_NOT_FOUND("26000"),
  CORRUPT_FILE("XX001"),
  INCONSISTENT_TABLE("XX001"),
  IO_ERROR("58030"),
  PERMISSION_DENIED("42501"),
  QUERY_CANCELLED("57014"),
  INTERNAL_ERROR("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
