package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DELETE and UPDATE rewrite only the files holding a row they touch, in one
 * commit; answers are checked against DuckDB reading the files the table's
 * current snapshot lists.
 */
class ManagedTableRewriteTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR, price DECIMAL(8, 2))");
    // Two INSERTs, two sets of files: ids 1-50, then 51-100 (every seventh without a name).
    insertRange(1, 50);
    insertRange(51, 100);
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  private void insertRange(int from, int to) throws SQLException {
    StringBuilder values = new StringBuilder();
    for (int id = from; id <= to; id++) {
      values.append(id == from ? "" : ", ").append("(").append(id).append(", ")
          .append(id % 7 == 0 ? "NULL" : "'n" + id + "'").append(", ").append(id).append(" * 1.5)");
    }
    statement.executeUpdate("INSERT INTO items VALUES " + values);
  }

  @Test void deleteRewritesOnlyTheFilesHoldingMatchingRows() throws Exception {
    Set<String> before = files();
    Set<String> touched = files("id <= 10 OR name = 'n20'");
    assertThat(touched).isNotEmpty();
    assertThat(files("id > 50")).doesNotContainAnyElementsOf(touched);
    assertThat(statement.executeUpdate("DELETE FROM items WHERE id <= 10 OR name = 'n20'")).isEqualTo(11);
    assertThat(files()).containsAll(files(before, touched)).doesNotContainAnyElementsOf(touched);
    String query = "SELECT COUNT(*), SUM(id), MIN(id), COUNT(name) FROM items";
    assertThat(ResultRows.of(statement, query)).containsExactly("89|4975|11|76");
    assertThat(duckdb(query)).containsExactly("89|4975|11|76");
    assertThat(operations()).endsWith("overwrite");
  }

  @Test void rowsWhoseConditionIsUnknownStay() throws Exception {
    // name is NULL for ids divisible by 7: NULL <> 'n1' is unknown, so those rows stay.
    assertThat(statement.executeUpdate("DELETE FROM items WHERE name <> 'n1'")).isEqualTo(85);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*), COUNT(name) FROM items")).containsExactly("15|1");
  }

  @Test void deleteWithoutWhereEmptiesTheTable() throws Exception {
    assertThat(statement.executeUpdate("DELETE FROM items")).isEqualTo(100);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM items")).containsExactly("0");
    assertThat(statement.executeUpdate("DELETE FROM items")).isZero();
  }

  @Test void updateChangesTheMatchingRowsOnly() throws Exception {
    Set<String> secondInsert = files("id > 50");
    assertThat(statement.executeUpdate("UPDATE items AS i SET price = i.price * 2, name = NULL WHERE i.id <= 5"))
        .isEqualTo(5);
    assertThat(files()).containsAll(secondInsert);
    String query = "SELECT COUNT(*), CAST(SUM(price) AS VARCHAR), COUNT(name) FROM items";
    // 1.5 * (5050 + 15) with ids 1-5 doubled; 14 names were NULL already, 5 more now.
    assertThat(ResultRows.of(statement, query)).containsExactly("100|7597.50|81");
    assertThat(duckdb(query)).containsExactly("100|7597.50|81");
    assertThat(ResultRows.of(statement, "SELECT CAST(price AS VARCHAR) FROM items WHERE id = 3")).containsExactly("9.00");
  }

  @Test void badChangesAreRefusedAndChangeNothing() throws Exception {
    List<String> operations = operations();
    assertSqlState("UPDATE items SET id = NULL WHERE id = 1", "23502");
    assertSqlState("UPDATE items SET price = 12345678.9 WHERE id = 1", "22003");
    assertSqlState("UPDATE items SET nope = 1", "42S22");
    assertSqlState("DELETE FROM items WHERE nope = 1", "42S22");
    assertSqlState("DELETE FROM missing", "42S02");
    assertThat(operations()).isEqualTo(operations);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*), SUM(id) FROM items")).containsExactly("100|5050");
  }

  private void assertSqlState(String sql, String sqlState) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private Set<String> files() {
    return Warehouse.open(warehouse.toString()).table("items").orElseThrow().files().stream()
        .map(DataFile::path).collect(Collectors.toSet());
  }

  /** The files holding a row that matches the condition. */
  private Set<String> files(String condition) throws SQLException {
    Set<String> files = new java.util.HashSet<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement query = duckdb.createStatement()) {
      for (String file : files()) {
        try (ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM read_parquet('" + localPath(file)
            + "') WHERE " + condition)) {
          rows.next();
          if (rows.getLong(1) > 0) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  private static Set<String> files(Set<String> all, Set<String> except) {
    Set<String> rest = new java.util.HashSet<>(all);
    rest.removeAll(except);
    return rest;
  }

  private List<String> operations() {
    Table table = Warehouse.open(warehouse.toString()).managedTables().load(TableName.ofDefault("items"))
        .orElseThrow();
    List<String> operations = new ArrayList<>();
    table.snapshots().forEach(snapshot -> operations.add(snapshot.operation()));
    return operations;
  }

  private static String localPath(String file) {
    return java.net.URI.create(file).getPath();
  }

  private List<String> duckdb(String sql) throws SQLException {
    String files = files().stream().map(f -> "'" + localPath(f) + "'").collect(Collectors.joining(", "));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement views = duckdb.createStatement()) {
      views.execute("CREATE VIEW items AS SELECT * FROM read_parquet([" + files + "])");
      return ResultRows.of(views, sql);
    }
  }
}
