package io.faisca.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A writer process: runs one statement through the embedded driver, prints its update count, exits. */
public final class OneStatement {
  private OneStatement() {
  }

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement()) {
      System.out.println("updated " + statement.executeUpdate(args[1]));
    }
    System.exit(0);
  }
}
