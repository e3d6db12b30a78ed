package io.faisca.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * One row of {@code DatabaseMetaData.getColumns}, as far as the tests check it.
 * {@link #expected} works it out independently of the server: from the Parquet
 * type the generator writes ({@link TpchColumnSpec}) and the JDBC specification,
 * where COLUMN_SIZE is a number's precision, a date's length as text
 * (yyyy-mm-dd), and Integer.MAX_VALUE for text of no declared length.
 * DECIMAL_DIGITS is kept for decimals only, where it is the scale.
 */
record JdbcColumn(String table, String name, int ordinal, int dataType, String typeName, int columnSize,
    Integer decimalDigits, int nullable, String isNullable) {

  /** The columns of a TPC-H table as the generator writes them, in order. */
  static List<JdbcColumn> expected(String table) {
    return expected(TpchTable.getTable(table));
  }

  private static <E extends TpchEntity> List<JdbcColumn> expected(TpchTable<E> table) {
    List<JdbcColumn> columns = new ArrayList<>();
    for (var column : table.getColumns()) {
      columns.add(expected(table.getTableName(), new TpchColumnSpec<>(column).parquetType(), columns.size() + 1));
    }
    return columns;
  }

  private static JdbcColumn expected(String table, Type parquet, int ordinal) {
    LogicalTypeAnnotation logical = parquet.getLogicalTypeAnnotation();
    PrimitiveTypeName physical = parquet.asPrimitiveType().getPrimitiveTypeName();
    boolean required = parquet.isRepetition(Type.Repetition.REQUIRED);
    int nullable = required ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable;
    String isNullable = required ? "NO" : "YES";
    String name = parquet.getName();
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return new JdbcColumn(table, name, ordinal, Types.DECIMAL, "DECIMAL", decimal.getPrecision(),
          decimal.getScale(), nullable, isNullable);
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return new JdbcColumn(table, name, ordinal, Types.DATE, "DATE", 10, null, nullable, isNullable);
    }
    if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
      return new JdbcColumn(table, name, ordinal, Types.VARCHAR, "VARCHAR", Integer.MAX_VALUE, null, nullable,
          isNullable);
    }
    if (logical == null && physical == PrimitiveTypeName.INT32) {
      return new JdbcColumn(table, name, ordinal, Types.INTEGER, "INTEGER", 10, null, nullable, isNullable);
    }
    if (logical == null && physical == PrimitiveTypeName.INT64) {
      return new JdbcColumn(table, name, ordinal, Types.BIGINT, "BIGINT", 19, null, nullable, isNullable);
    }
    throw new IllegalArgumentException("The generator writes no such column: " + parquet);
  }

  /** Reads every row of a {@code getColumns} result set. */
  static List<JdbcColumn> read(ResultSet rs) throws SQLException {
    List<JdbcColumn> columns = new ArrayList<>();
    while (rs.next()) {
      int dataType = rs.getInt("DATA_TYPE");
      int decimalDigits = rs.getInt("DECIMAL_DIGITS");
      boolean noDigits = rs.wasNull() || dataType != Types.DECIMAL;
      columns.add(new JdbcColumn(rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
          rs.getInt("ORDINAL_POSITION"), dataType, rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
          noDigits ? null : decimalDigits, rs.getInt("NULLABLE"), rs.getString("IS_NULLABLE")));
    }
    return columns;
  }
}
