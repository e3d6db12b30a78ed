package io.faisca.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole query result read through JDBC, for comparing engines: each column's
 * label, JDBC type code, type name and scale, then the rows.
 */
record QueryResult(List<String> labels, List<Integer> jdbcTypes, List<String> columnTypes, List<Integer> scales,
    List<List<Object>> rows) {

  static QueryResult read(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return read(rs);
    }
  }

  /** Reads a result set to its end (it stays open: its owner closes it). */
  static QueryResult read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    List<Integer> jdbcTypes = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Integer> scales = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      labels.add(md.getColumnLabel(i));
      jdbcTypes.add(md.getColumnType(i));
      types.add(md.getColumnTypeName(i));
      scales.add(md.getScale(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return new QueryResult(labels, jdbcTypes, types, scales, rows);
  }

  /** The same answer with its rows in {@link CanonicalRowOrder}, for a query that leaves their order open. */
  QueryResult sorted() {
    List<List<Object>> sortedRows = new ArrayList<>(rows);
    sortedRows.sort(CanonicalRowOrder.INSTANCE);
    return new QueryResult(labels, jdbcTypes, columnTypes, scales, sortedRows);
  }
}
