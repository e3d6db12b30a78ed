package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared statement runs over its tables as they are when it runs, not as they were when it was
 * prepared: files added to a raw directory are read, removed ones are not looked for, a managed table's
 * newer snapshots are read; a change to the result columns is an error that asks to prepare again.
 * Answers are checked against DuckDB reading the same files.
 */
class PreparedStatementFreshnessTest {
  private static final TableName ITEMS = TableName.ofDefault("items");

  @TempDir Path warehouse;
  private Connection connection;

  @BeforeEach void open() throws Exception {
    writeParquet("events/part-0.parquet", "SELECT range AS id FROM range(0, 3)");
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void filesAddedToARawDirectoryAfterPreparingAreRead() throws Exception {
    try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*), SUM(id) FROM events")) {
      assertThat(rows(count)).containsExactly("3|3").containsExactlyElementsOf(duckdbOverEvents());
      writeParquet("events/part-1.parquet", "SELECT range AS id FROM range(10, 14)");
      assertThat(rows(count)).containsExactly("7|49").containsExactlyElementsOf(duckdbOverEvents());
    }
  }

  @Test void filesRemovedFromARawDirectoryAfterPreparingAreNotLookedFor() throws Exception {
    writeParquet("events/part-1.parquet", "SELECT range AS id FROM range(10, 14)");
    try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*), SUM(id) FROM events")) {
      assertThat(rows(count)).containsExactly("7|49");
      Files.delete(warehouse.resolve("events/part-0.parquet"));
      assertThat(rows(count)).containsExactly("4|46").containsExactlyElementsOf(duckdbOverEvents());
    }
  }

  @Test void rowsInsertedIntoAManagedTableAfterPreparingAreRead() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR)");
      statement.executeUpdate("INSERT INTO items VALUES (1, 'a'), (2, 'b')");
      String query = "SELECT COUNT(*), SUM(id) FROM items";
      try (PreparedStatement count = connection.prepareStatement(query)) {
        assertThat(rows(count)).containsExactly("2|3");
        statement.executeUpdate("INSERT INTO items VALUES (3, 'c'), (4, 'd')");
        assertThat(rows(count)).containsExactly("4|10")
            .containsExactlyElementsOf(SnapshotOracles.duckdb(warehouse, query, ITEMS));
      }
    }
  }

  @Test void aColumnAddedToATablePreparedWithStarAsksToPrepareAgain() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR)");
      statement.executeUpdate("INSERT INTO items VALUES (1, 'a')");
      try (PreparedStatement all = connection.prepareStatement("SELECT * FROM items")) {
        assertThat(rows(all)).containsExactly("1|a");
        statement.executeUpdate("ALTER TABLE items ADD COLUMN qty BIGINT");
        assertThatThrownBy(all::executeQuery)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("result columns of the prepared statement changed")
            .hasMessageContaining("qty")
            .hasMessageContaining("prepare the statement again")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
      }
      try (PreparedStatement again = connection.prepareStatement("SELECT * FROM items")) {
        assertThat(rows(again)).containsExactly("1|a|null");
      }
    }
  }

  private static List<String> rows(PreparedStatement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery()) {
      return ResultRows.of(result);
    }
  }

  /** DuckDB's count and sum over the files in the events directory now. */
  private List<String> duckdbOverEvents() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      return ResultRows.of(statement, "SELECT COUNT(*), SUM(id) FROM read_parquet('"
          + warehouse.resolve("events") + "/*.parquet')");
    }
  }

  private void writeParquet(String relative, String query) throws Exception {
    Path file = warehouse.resolve(relative);
    Files.createDirectories(file.getParent());
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      copy.execute("COPY (" + query + ") TO '" + file + "' (FORMAT PARQUET)");
    }
  }
}
