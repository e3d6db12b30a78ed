package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas: Iceberg namespaces holding managed tables and views, each under
 * {@code <warehouse>/<schema>/}, beside the default schema of raw
 * directories and unqualified names.
 */
class SchemaDdlTest {
  private static final TableName SALES = new TableName("shop", "sales");

  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      Files.createDirectories(warehouse.resolve("sales"));
      copy.execute("COPY (SELECT i AS id, i * 10 AS amount FROM range(1, 4) r(i)) TO '"
          + warehouse.resolve("sales/part-0.parquet") + "' (FORMAT PARQUET)");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void aSchemasTablesAreWrittenAndReadQualified() throws Exception {
    assertThat(statement.executeUpdate("CREATE SCHEMA shop")).isZero();
    statement.executeUpdate("CREATE TABLE shop.sales (id BIGINT NOT NULL, amount DECIMAL(10, 2))");
    assertThat(warehouse.resolve("shop/sales/metadata")).isDirectory();
    assertThat(statement.executeUpdate("INSERT INTO shop.sales SELECT id + 100, amount * 2 FROM sales")).isEqualTo(3);
    assertThat(statement.executeUpdate("UPDATE shop.sales SET amount = 0 WHERE id = 101")).isEqualTo(1);
    assertThat(statement.executeUpdate("DELETE FROM Shop.Sales s WHERE s.id = 103")).isEqualTo(1);
    String query = "SELECT id, CAST(amount AS VARCHAR) FROM shop.sales ORDER BY id";
    assertThat(ResultRows.of(statement, query)).containsExactly("101|0.00", "102|40.00");
    assertThat(SnapshotOracles.duckdb(warehouse, query, SALES)).containsExactly("101|0.00", "102|40.00");
    assertThat(SnapshotOracles.iceberg(warehouse, SALES)).containsExactlyInAnyOrder("101|0.00", "102|40.00");
    // The unqualified name is still the raw directory of the default schema.
    assertThat(ResultRows.of(statement, "SELECT SUM(amount) FROM sales")).containsExactly("60");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM \"default\".sales")).containsExactly("3");
    String join = "SELECT COUNT(*) FROM sales r JOIN shop.sales m ON m.id = r.id + 100";
    assertThat(ResultRows.of(statement, join)).containsExactly("2");
  }

  @Test void aSchemasDirectoryIsNeverTakenForARawTable() throws Exception {
    statement.executeUpdate("CREATE SCHEMA shop");
    statement.executeUpdate("CREATE TABLE shop.sales (id INTEGER)");
    statement.executeUpdate("INSERT INTO shop.sales VALUES (1)");
    statement.executeUpdate("CREATE TABLE t (id INTEGER)");
    statement.executeUpdate("INSERT INTO t VALUES (1)");
    assertThat(ResultRows.of(statement, "SHOW TABLES"))
        .containsExactly("default|sales|RAW TABLE", "default|t|TABLE");
    assertThat(ResultRows.of(statement, "SHOW TABLES IN shop")).containsExactly("shop|sales|TABLE");
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM shop"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
  }

  @Test void aTableCannotTakeTheNameOfARawDirectory() throws Exception {
    assertRefused("CREATE TABLE sales (id INTEGER)", "42S01", "directory of data files");
    assertRefused("CREATE TABLE SALES AS SELECT 1 AS id", "42S01", "(as 'sales')");
    assertThat(statement.executeUpdate("CREATE TABLE IF NOT EXISTS sales (id INTEGER)")).isZero();
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM sales")).containsExactly("3");
  }

  @Test void droppingASchemaRestrictsOrCascades() throws Exception {
    statement.executeUpdate("CREATE SCHEMA shop");
    statement.executeUpdate("CREATE TABLE shop.sales (id INTEGER)");
    statement.executeUpdate("INSERT INTO shop.sales VALUES (1)");
    statement.executeUpdate("CREATE TABLE shop.refunds (id INTEGER)");
    statement.executeUpdate("CREATE VIEW shop.big AS SELECT id FROM shop.sales WHERE id > 0");
    assertRefused("DROP SCHEMA shop", "2BP01", "it holds tables refunds, sales and views big");
    assertRefused("DROP SCHEMA shop RESTRICT", "2BP01", "DROP SCHEMA shop CASCADE");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM shop.big")).containsExactly("1");
    assertThat(statement.executeUpdate("DROP SCHEMA shop CASCADE")).isZero();
    assertThat(ResultRows.of(statement, "SHOW SCHEMAS")).containsExactly("default");
    assertThat(warehouse.resolve("shop")).doesNotExist();
    assertRefused("SELECT * FROM shop.sales", "42S02", "Table 'shop' not found");
    assertThat(statement.executeUpdate("CREATE SCHEMA shop")).isZero();
    assertThat(ResultRows.of(statement, "SHOW TABLES FROM shop")).isEmpty();
    assertRefused("SELECT * FROM shop.sales", "42S02", "Table 'shop.sales' not found: schema 'shop' has no table"
        + " or view 'sales'");
    assertThat(statement.executeUpdate("DROP SCHEMA shop")).isZero();
  }

  @Test void badSchemaStatementsAreClearErrors() throws Exception {
    statement.executeUpdate("CREATE SCHEMA shop");
    assertRefused("CREATE SCHEMA shop", "42P06", "Schema 'shop' already exists");
    assertRefused("CREATE SCHEMA SHOP", "42P06", "(as 'shop')");
    assertRefused("CREATE SCHEMA default", "42P06", "Schema 'default' already exists");
    assertThat(statement.executeUpdate("CREATE SCHEMA IF NOT EXISTS Shop")).isZero();
    assertRefused("CREATE SCHEMA sales", "42P06", "Directory 'sales' of the warehouse is a raw table");
    assertRefused("CREATE OR REPLACE SCHEMA other", "0A000", "CREATE OR REPLACE SCHEMA");
    assertRefused("CREATE SCHEMA \"a.b\"", "42000", "'a.b' cannot name a schema");
    assertRefused("CREATE SCHEMA \"_hidden\"", "42000", "'_hidden' cannot name a schema");
    assertRefused("DROP SCHEMA nowhere", "3F000", "Schema 'nowhere' does not exist");
    assertThat(statement.executeUpdate("DROP SCHEMA IF EXISTS nowhere")).isZero();
    assertRefused("DROP SCHEMA default CASCADE", "0A000", "cannot be dropped");
    assertRefused("CREATE TABLE nowhere.t (x INTEGER)", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("CREATE TABLE nowhere.t AS SELECT 1 AS x", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("CREATE VIEW nowhere.v AS SELECT 1 AS x", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("INSERT INTO nowhere.t VALUES (1)", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("DROP TABLE nowhere.t", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("SHOW TABLES FROM nowhere", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("SELECT * FROM nowhere.t", "42S02", "nowhere");
    assertRefused("CREATE TABLE a.b.c (x INTEGER)", "42000", "'a.b.c' is not a name of a table or view");
    assertThat(ResultRows.of(statement, "SHOW SCHEMAS")).containsExactly("default", "shop");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM sales")).containsExactly("3");
  }

  private void assertRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }
}
