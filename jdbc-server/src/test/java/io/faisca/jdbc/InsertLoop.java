package io.faisca.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A writer in its own JVM: INSERTs numbered rows into a table, one statement (one commit) per row. */
public final class InsertLoop {
  private InsertLoop() {
  }

  /** Arguments: warehouse, table, writer number, rows. */
  public static void main(String[] args) throws Exception {
    int writer = Integer.parseInt(args[2]);
    int rows = Integer.parseInt(args[3]);
    try (Connection connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + args[0] + ";master=local[1]");
        Statement statement = connection.createStatement()) {
      for (int i = 0; i < rows; i++) {
        statement.executeUpdate("INSERT INTO " + args[1] + " VALUES (" + writer + ", " + i + ")");
      }
    }
    System.exit(0);
  }
}
