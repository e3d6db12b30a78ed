package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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

/**
 * SHOW, DESCRIBE and DatabaseMetaData over every schema: raw directories,
 * managed tables and views, answered from the catalog without a Spark job.
 */
class CatalogQueriesTest {
  private static final String ITEMS = "CREATE TABLE items (\n"
      + "  id INTEGER NOT NULL,\n"
      + "  \"Mixed Name\" VARCHAR,\n"
      + "  \"select\" DECIMAL(8, 2),\n"
      + "  seen TIMESTAMP WITH LOCAL TIME ZONE NOT NULL,\n"
      + "  value DOUBLE\n"
      + ")";

  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      copy.execute("COPY (SELECT 1 AS id, 2024 AS yr) TO '" + warehouse.resolve("events")
          + "' (FORMAT PARQUET, PARTITION_BY (yr))");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate(ITEMS);
    statement.executeUpdate("CREATE SCHEMA shop");
    statement.executeUpdate("CREATE TABLE shop.orders (id BIGINT, item INTEGER)");
    statement.executeUpdate("CREATE VIEW shop.big_orders (order_id, item_id) AS SELECT o.id, o.item\n"
        + "  FROM shop.orders o JOIN items i ON i.id = o.item -- joined to the default schema\n"
        + "  WHERE o.id > 100");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void showListsSchemasTablesAndViews() throws Exception {
    assertThat(ResultRows.of(statement, "SHOW SCHEMAS")).containsExactly("default", "shop");
    assertThat(ResultRows.of(statement, "SHOW TABLES"))
        .containsExactly("default|events|RAW TABLE", "default|items|TABLE");
    assertThat(ResultRows.of(statement, "show tables from SHOP"))
        .containsExactly("shop|big_orders|VIEW", "shop|orders|TABLE");
    assertThat(ResultRows.of(statement, "SHOW TABLES IN default")).hasSize(2);
    assertThat(statement.execute("SHOW TABLES IN shop")).isTrue();
    try (ResultSet rows = statement.getResultSet()) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnLabel(1)).isEqualTo("schema_name");
      assertThat(columns.getColumnLabel(2)).isEqualTo("table_name");
      assertThat(columns.getColumnLabel(3)).isEqualTo("table_type");
      assertThat(columns.getColumnType(3)).isEqualTo(Types.VARCHAR);
      assertThat(rows.next()).isTrue();
    }
    try (PreparedStatement prepared = connection.prepareStatement("SHOW SCHEMAS")) {
      statement.executeUpdate("CREATE SCHEMA later");
      try (ResultSet rows = prepared.executeQuery()) {
        assertThat(names(rows)).containsExactly("default", "later", "shop");
      }
    }
  }

  @Test void describeGivesColumnsWithTheirSqlTypesNullabilityAndPartitioning() throws Exception {
    assertThat(ResultRows.of(statement, "DESCRIBE items")).containsExactly(
        "id|INTEGER|false|null|null",
        "Mixed Name|VARCHAR|true|null|null",
        "select|DECIMAL(8, 2)|true|null|null",
        "seen|TIMESTAMP WITH LOCAL TIME ZONE|false|null|null",
        "value|DOUBLE|true|null|null");
    assertThat(ResultRows.of(statement, "DESCRIBE events"))
        .containsExactly("id|INTEGER|true|null|null", "yr|INTEGER|false|key=value directories|null");
    assertThat(ResultRows.of(statement, "DESCRIBE shop.big_orders"))
        .containsExactly("order_id|BIGINT|true|null|null", "item_id|INTEGER|true|null|null");
    assertThat(ResultRows.of(statement, "DESCRIBE TABLE items \"select\"")).containsExactly(
        "select|DECIMAL(8, 2)|true|null|null");
    assertThat(ResultRows.of(statement, "DESCRIBE items SEEN")).hasSize(1);
    try (ResultSet rows = statement.executeQuery("DESCRIBE items")) {
      assertThat(rows.getMetaData().getColumnType(3)).isEqualTo(Types.BOOLEAN);
      assertThat(rows.getMetaData().getColumnLabel(4)).isEqualTo("partitioning");
    }
  }

  @Test void showCreateTableGivesAStatementThatRecreatesIt() throws Exception {
    assertThat(ResultRows.of(statement, "SHOW CREATE TABLE items")).containsExactly(ITEMS);
    List<String> described = ResultRows.of(statement, "DESCRIBE items");
    statement.executeUpdate("DROP TABLE items");
    statement.executeUpdate(ITEMS);
    assertThat(ResultRows.of(statement, "DESCRIBE items")).isEqualTo(described);

    String view = "CREATE VIEW shop.big_orders (order_id, item_id) AS\nSELECT o.id, o.item\n"
        + "  FROM shop.orders o JOIN items i ON i.id = o.item -- joined to the default schema\n"
        + "  WHERE o.id > 100";
    assertThat(ResultRows.of(statement, "SHOW CREATE VIEW shop.big_orders")).containsExactly(view);
    assertThat(ResultRows.of(statement, "SHOW CREATE TABLE shop.orders"))
        .containsExactly("CREATE TABLE shop.orders (\n  id BIGINT,\n  item INTEGER\n)");
    statement.executeUpdate("DROP VIEW shop.big_orders");
    statement.executeUpdate(view);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM shop.big_orders")).containsExactly("0");
    assertThatThrownBy(() -> statement.executeQuery("SHOW CREATE TABLE events"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'events' is a directory of data files")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
  }

  @Test void catalogQueriesStartNoSparkJob() throws Exception {
    try (SparkJobWatch jobs = SparkJobWatch.start()) {
      for (String sql : List.of("SHOW SCHEMAS", "SHOW TABLES", "SHOW TABLES FROM shop", "DESCRIBE items",
          "DESCRIBE events", "DESCRIBE shop.big_orders", "SHOW CREATE TABLE items",
          "SHOW CREATE TABLE shop.big_orders")) {
        assertThat(ResultRows.of(statement, sql)).as(sql).isNotEmpty();
      }
      DatabaseMetaData metadata = connection.getMetaData();
      names(metadata.getTables(null, null, "%", null));
      names(metadata.getColumns(null, null, "%", "%"));
      String marker = "SELECT MAX(id) FROM events";
      ResultRows.of(statement, marker);
      assertThat(jobs.upTo(marker)).isNotEmpty().allMatch(marker::equals);
    }
  }

  @Test void databaseMetadataCoversEverySchema() throws Exception {
    DatabaseMetaData metadata = connection.getMetaData();
    assertThat(names(metadata.getSchemas())).containsExactly("default", "shop");
    assertThat(names(metadata.getSchemas(null, "sh%"))).containsExactly("shop");
    List<String> tables = new ArrayList<>();
    try (ResultSet rows = metadata.getTables(null, null, "%", null)) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + ":"
            + rows.getString("TABLE_TYPE"));
      }
    }
    assertThat(tables).containsExactly("default.events:TABLE", "default.items:TABLE", "shop.orders:TABLE",
        "shop.big_orders:VIEW");
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = metadata.getColumns(null, "shop", "%", "%")) {
      while (rows.next()) {
        columns.add(rows.getString("TABLE_NAME") + "." + rows.getString("COLUMN_NAME") + ":"
            + rows.getString("TYPE_NAME") + ":" + rows.getInt("ORDINAL_POSITION") + ":"
            + rows.getString("IS_NULLABLE"));
      }
    }
    assertThat(columns).containsExactly("big_orders.order_id:BIGINT:1:YES", "big_orders.item_id:INTEGER:2:YES",
        "orders.id:BIGINT:1:YES", "orders.item:INTEGER:2:YES");
    try (ResultSet rows = metadata.getColumns(null, "default", "events", "yr")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
    }
  }

  @Test void questionsAboutWhatIsNotThereAreClearErrors() {
    assertRefused("SHOW TABLES FROM nowhere", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("DESCRIBE missing", "42S02", "Table 'missing' does not exist");
    assertRefused("DESCRIBE shop.missing", "42S02", "Table 'shop.missing' does not exist");
    assertRefused("DESCRIBE nowhere.t", "3F000", "Schema 'nowhere' does not exist");
    assertRefused("DESCRIBE items nope", "42S22", "Table 'items' has no column 'nope'");
    assertRefused("SHOW CREATE TABLE missing", "42S02", "Table 'missing' does not exist");
    assertRefused("DESCRIBE SCHEMA shop", "0A000", "SHOW TABLES FROM shop");
  }

  private void assertRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeQuery(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  /** The first column of every row. */
  private static List<String> names(ResultSet rows) throws SQLException {
    List<String> names = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
