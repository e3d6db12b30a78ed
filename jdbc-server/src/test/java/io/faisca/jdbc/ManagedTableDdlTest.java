package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE and DROP TABLE of managed (Iceberg) tables, beside a raw directory of Parquet files. */
class ManagedTableDdlTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      Files.createDirectories(warehouse.resolve("raw"));
      copy.execute("COPY (SELECT 1 AS id) TO '" + warehouse.resolve("raw/part-0.parquet") + "' (FORMAT PARQUET)");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void aCreatedTableIsListedWithItsColumnsAndReadsEmpty() throws SQLException {
    assertThat(statement.executeUpdate("CREATE TABLE sales (id BIGINT NOT NULL, price DECIMAL(12, 2),"
        + " name VARCHAR(20), sold DATE, small SMALLINT)")).isZero();
    assertThat(tables()).containsExactly("raw", "sales");
    try (ResultSet rows = statement.executeQuery("SELECT * FROM sales")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnCount()).isEqualTo(5);
      assertThat(columns.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(columns.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(columns.getColumnType(2)).isEqualTo(Types.DECIMAL);
      assertThat(columns.getPrecision(2)).isEqualTo(12);
      assertThat(columns.getScale(2)).isEqualTo(2);
      assertThat(columns.getColumnType(3)).isEqualTo(Types.VARCHAR);
      assertThat(columns.getColumnType(4)).isEqualTo(Types.DATE);
      // Iceberg stores 16-bit integers as 32-bit ones.
      assertThat(columns.getColumnType(5)).isEqualTo(Types.INTEGER);
      assertThat(rows.next()).isFalse();
    }
    try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM Sales")) {
      assertThat(count.next()).isTrue();
      assertThat(count.getLong(1)).isZero();
    }
  }

  @Test void creatingAnExistingTableIsAnErrorUnlessIfNotExists() throws SQLException {
    statement.executeUpdate("CREATE TABLE t (x INTEGER)");
    assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE t (y INTEGER)"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'t' already exists")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S01");
    assertThat(statement.executeUpdate("CREATE TABLE IF NOT EXISTS t (y INTEGER)")).isZero();
    try (ResultSet rows = statement.executeQuery("SELECT * FROM t")) {
      assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("x");
    }
  }

  @Test void droppingATableRemovesItAndItsFiles() throws Exception {
    statement.executeUpdate("CREATE TABLE t (x INTEGER)");
    assertThat(warehouse.resolve("default/t/metadata")).isDirectory();
    assertThat(statement.executeUpdate("DROP TABLE t")).isZero();
    assertThat(tables()).containsExactly("raw");
    assertThat(warehouse.resolve("default/t/metadata")).doesNotExist();
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM t"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    assertThatThrownBy(() -> statement.executeUpdate("DROP TABLE t"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'t' does not exist")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    assertThat(statement.executeUpdate("DROP TABLE IF EXISTS t")).isZero();
  }

  @Test void aTableCreatedAgainUnderItsNameHasItsNewColumns() throws SQLException {
    statement.executeUpdate("CREATE TABLE t (x INTEGER)");
    assertThat(statement.executeQuery("SELECT * FROM t").getMetaData().getColumnCount()).isEqualTo(1);
    statement.executeUpdate("DROP TABLE t");
    statement.executeUpdate("CREATE TABLE t (x INTEGER, y VARCHAR(8))");
    assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 'true')")).isEqualTo(1);
    try (ResultSet rows = statement.executeQuery("SELECT y FROM t")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("true");
    }
  }

  @Test void aRawDirectoryIsNeverDropped() {
    assertThatThrownBy(() -> statement.executeUpdate("DROP TABLE raw"))
        .isInstanceOf(SQLException.class).hasMessageContaining("read-only")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    assertThat(warehouse.resolve("raw/part-0.parquet")).exists();
  }

  @Test void badDefinitionsAreClearErrors() {
    assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE t (x INTEGER, X BIGINT)"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'X' is declared twice")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE other.t (x INTEGER)"))
        .isInstanceOf(SQLException.class).hasMessageContaining("Schema 'other' does not exist")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("3F000");
    assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE t (x INTEGER"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
    assertThat(warehouse.resolve(".faisca")).doesNotExist();
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
