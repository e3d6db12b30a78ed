package io.faisca.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** A client in its own JVM that runs a query and reads its rows until it is killed. */
public final class EndlessQueryClient {
  private EndlessQueryClient() {
  }

  /** Arguments: JDBC URL, SQL. */
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(args[1])) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }
}
