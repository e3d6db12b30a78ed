package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import io.faisca.hdfs.WarehouseRoot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement of managed tables on a real HDFS, with the default catalog (the tables' metadata
 * files) and with a JDBC catalog: answers checked against DuckDB reading the files of the current
 * snapshot, and against Iceberg's own reader.
 */
class HdfsManagedTablesTest {
  private static final TableName SALES = new TableName("shop", "sales");
  private static final String SALES_ROWS = "SELECT id, name, CAST(price AS VARCHAR), CAST(sold AS VARCHAR) FROM"
      + " shop.sales ORDER BY id, sold";

  @TempDir Path scratch;

  @Test void everyStatementOnTheDefaultCatalog() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.hdfs(scratch);
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement()) {
      writeReadAndChange(warehouse, statement);
      // Metadata files hold no views, and find a table by its directory's name: no renames.
      assertSqlState(statement, "CREATE VIEW cheap AS SELECT * FROM shop.sales", "0A000", "--catalog-uri");
      assertSqlState(statement, "ALTER TABLE shop.sales RENAME TO shop.orders", "0A000", "--catalog-uri");
      dropEverything(warehouse, statement);
    }
  }

  @Test void everyStatementOnAJdbcCatalog() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.hdfsWithJdbcCatalog(scratch);
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement()) {
      writeReadAndChange(warehouse, statement);
      statement.executeUpdate("CREATE VIEW shop.cheap AS SELECT id, label FROM shop.sales WHERE id = 2");
      assertThat(ResultRows.of(statement, "SELECT * FROM shop.cheap ORDER BY id")).containsExactly("2|b");
      statement.executeUpdate("ALTER TABLE shop.sales RENAME TO shop.orders");
      assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM shop.orders")).containsExactly("5");
      statement.executeUpdate("ALTER TABLE shop.orders RENAME TO shop.sales");
      statement.executeUpdate("DROP VIEW shop.cheap");
      dropEverything(warehouse, statement);
    }
  }

  private static void writeReadAndChange(WarehouseRoot warehouse, Statement statement) throws Exception {
    statement.executeUpdate("CREATE SCHEMA shop");
    statement.executeUpdate("CREATE TABLE shop.sales (id BIGINT NOT NULL, name VARCHAR, price DECIMAL(12, 2),"
        + " sold DATE) PARTITIONED BY (month(sold))");
    assertThat(statement.executeUpdate("INSERT INTO shop.sales VALUES (1, 'a', 9.99, DATE '2024-01-05'),"
        + " (2, 'b', 1.50, DATE '2024-02-10'), (3, NULL, NULL, DATE '2024-02-11')")).isEqualTo(3);
    assertThat(statement.executeUpdate("CREATE TABLE top STORED AS AVRO AS SELECT id, name FROM shop.sales"
        + " WHERE id < 3")).isEqualTo(2);
    assertThat(statement.executeUpdate("INSERT OVERWRITE shop.sales SELECT id + 10, name, price, sold"
        + " FROM shop.sales WHERE sold >= DATE '2024-02-01'")).isEqualTo(2);
    assertThat(statement.executeUpdate("INSERT INTO shop.sales SELECT id, name, 2.25, DATE '2023-12-31' FROM top"))
        .isEqualTo(2);
    assertThat(statement.executeUpdate("UPDATE shop.sales SET name = 'z' WHERE name IS NULL")).isEqualTo(1);
    assertThat(statement.executeUpdate("DELETE FROM shop.sales WHERE id = 12")).isEqualTo(1);
    List<String> expected = List.of("1|a|2.25|2023-12-31", "1|a|9.99|2024-01-05", "2|b|2.25|2023-12-31",
        "13|z|null|2024-02-11");
    assertThat(ResultRows.of(statement, SALES_ROWS)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.duckdb(warehouse, SALES_ROWS, SALES)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.iceberg(warehouse, SALES)).hasSize(4);
    assertThat(SnapshotOracles.iceberg(warehouse, TableName.ofDefault("top"))).containsExactlyInAnyOrder("1|a", "2|b");
    assertThat(ResultRows.of(statement, "SHOW CREATE TABLE top")).singleElement().asString().endsWith("STORED AS AVRO");

    statement.executeUpdate("ALTER TABLE shop.sales ADD COLUMN note VARCHAR");
    statement.executeUpdate("ALTER TABLE shop.sales RENAME COLUMN name TO label");
    statement.executeUpdate("ALTER TABLE shop.sales DROP COLUMN price");
    statement.executeUpdate("INSERT INTO shop.sales VALUES (20, 'new', DATE '2024-03-01', 'added')");
    assertThat(ResultRows.of(statement, "SELECT id, label, note FROM shop.sales WHERE id IN (1, 20) ORDER BY id,"
        + " sold")).containsExactly("1|a|null", "1|a|null", "20|new|added");
    assertThat(ResultRows.of(statement, "SHOW SCHEMAS")).contains("default", "shop");
    assertThat(ResultRows.of(statement, "SHOW TABLES FROM shop")).hasSize(1).allMatch(row -> row.contains("sales"));
    assertThat(ResultRows.of(statement, "DESCRIBE shop.sales")).hasSize(4);
    assertThat(ResultRows.of(statement, "SHOW CREATE TABLE shop.sales")).singleElement().asString()
        .contains("label VARCHAR").endsWith("PARTITIONED BY (month(sold))");
    statement.execute("SET remove_orphan_files_min_retention = '0s'");
    statement.executeUpdate("ALTER TABLE shop.sales EXECUTE expire_snapshots(retention_threshold => '0s')");
    assertThat(statement.executeUpdate("ALTER TABLE shop.sales EXECUTE remove_orphan_files("
        + "retention_threshold => '0s')")).isZero();
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM shop.sales")).containsExactly("5");
  }

  private static void dropEverything(WarehouseRoot warehouse, Statement statement) throws SQLException {
    assertSqlState(statement, "DROP SCHEMA shop", "2BP01", "sales");
    statement.executeUpdate("DROP TABLE top");
    statement.executeUpdate("DROP SCHEMA shop CASCADE");
    assertThat(warehouse.exists("shop/sales")).isFalse();
    assertThat(warehouse.exists("default/top")).isFalse();
    assertThat(ResultRows.of(statement, "SHOW SCHEMAS")).doesNotContain("shop");
  }

  private static void assertSqlState(Statement statement, String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
        .hasMessageContaining(message).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }
}
