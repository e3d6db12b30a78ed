package io.faisca.tpch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An engine reached through JDBC: Faísca (embedded or remote) or DuckDB.
 * Planning is timed as {@code prepareStatement}, execution as running the
 * statement and reading every row.
 */
final class JdbcEngine implements BenchEngine {
  private final String name;
  private final Connection connection;

  JdbcEngine(String name, Connection connection) {
    this.name = name;
    this.connection = connection;
  }

  static JdbcEngine connect(String name, String url) throws SQLException {
    return new JdbcEngine(name, DriverManager.getConnection(url));
  }

  Connection connection() {
    return connection;
  }

  @Override public String name() {
    return name;
  }

  @Override public Measurement run(String sql) throws SQLException {
    long start = System.nanoTime();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      long prepared = System.nanoTime();
      Fingerprint fingerprint = new Fingerprint();
      long rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            fingerprint.add(rs.getObject(i));
          }
          fingerprint.endRow();
          rows++;
        }
      }
      long done = System.nanoTime();
      return new Measurement((prepared - start) / 1e6, (done - prepared) / 1e6, rows, fingerprint.value());
    }
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
