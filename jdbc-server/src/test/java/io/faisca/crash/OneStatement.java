package io.faisca.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A client process: runs each statement through the embedded driver and prints one line per statement,
 * {@code ok <update count or first cell>} or {@code error <SQLState> <message>}, then exits.
 */
public final class OneStatement {
  private OneStatement() {
  }

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement()) {
      for (int i = 1; i < args.length; i++) {
        try {
          if (statement.execute(args[i])) {
            try (ResultSet rows = statement.getResultSet()) {
              System.out.println("ok " + (rows.next() ? rows.getString(1) : "no rows"));
            }
          } else {
            System.out.println("ok " + statement.getUpdateCount());
          }
        } catch (SQLException e) {
          System.out.println("error " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
        }
      }
    }
    System.exit(0);
  }
}
