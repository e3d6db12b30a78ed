package io.faisca.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text, cells joined by '|', NULL as "null": one form for Faísca's and DuckDB's answers. */
public final class ResultRows {
  private ResultRows() {
  }

  public static List<String> of(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      return of(result);
    }
  }

  /** The rows a result set has left; the caller closes it. */
  public static List<String> of(ResultSet result) throws SQLException {
    List<String> rows = new ArrayList<>();
    int n = result.getMetaData().getColumnCount();
    while (result.next()) {
      List<String> cells = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        cells.add(String.valueOf(result.getObject(i)));
      }
      rows.add(String.join("|", cells));
    }
    return rows;
  }
}
