package io.faisca.tpch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** DuckDB over the same Parquet files: the independent answer Faísca is checked against. */
final class DuckDbOracle {
  static final String[] TABLES = {"lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region"};

  private DuckDbOracle() {
  }

  static Connection open(Path warehouse) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + warehouse.resolve(table) + "/*.parquet')");
      }
    }
    return connection;
  }
}
