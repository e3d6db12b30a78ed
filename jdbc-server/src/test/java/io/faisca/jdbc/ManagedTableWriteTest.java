package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import io.faisca.catalog.WarehouseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT and CREATE TABLE AS into managed tables. Every answer is checked
 * against DuckDB reading the data files the table's current snapshot lists,
 * and against Iceberg's own reader, as another engine would read the table.
 */
class ManagedTableWriteTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      Files.createDirectories(warehouse.resolve("raw"));
      copy.execute("COPY (SELECT i::BIGINT AS id, 'n' || i AS name, (i * 1.25)::DECIMAL(10, 2) AS price"
          + " FROM range(1, 101) r(i)) TO '" + warehouse.resolve("raw/part-0.parquet") + "' (FORMAT PARQUET)");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE sales (id BIGINT NOT NULL, name VARCHAR, price DECIMAL(12, 2),"
        + " sold DATE, at_utc TIMESTAMP WITH LOCAL TIME ZONE, at_wall TIMESTAMP, ok BOOLEAN, ratio DOUBLE)");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void insertedValuesReadBackEverywhere() throws Exception {
    assertThat(statement.executeUpdate("INSERT INTO sales VALUES"
        + " (1, 'one', 9.99, DATE '2024-02-29', TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:00:00',"
        + " TRUE, 0.5),"
        + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
        + " (3, 'three', 9999999999.99, DATE '1970-01-01', TIMESTAMP '1999-12-31 23:59:59.123456',"
        + " TIMESTAMP '1999-12-31 23:59:59.123456', FALSE, -1e300)")).isEqualTo(3);
    // Timestamps as text: JDBC over Avatica carries milliseconds only.
    String query = "SELECT id, name, CAST(price AS VARCHAR), CAST(sold AS VARCHAR), CAST(at_wall AS VARCHAR), ok,"
        + " ratio FROM sales ORDER BY id";
    List<String> expected = List.of(
        "1|one|9.99|2024-02-29|2024-01-01 10:00:00|true|0.5",
        "2|null|null|null|null|null|null",
        "3|three|9999999999.99|1970-01-01|1999-12-31 23:59:59.123456|false|-1.0E300");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(duckdb(query)).containsExactlyElementsOf(expected);
    assertThat(icebergRecordCount("sales")).isEqualTo(3);
    assertThat(ResultRows.of(statement, "SELECT CAST(at_utc AS VARCHAR) FROM sales WHERE id = 3"))
        .containsExactly("1999-12-31 23:59:59.123456");
  }

  @Test void insertSelectAppendsAndListedColumnsLeaveTheOthersNull() throws Exception {
    assertThat(statement.executeUpdate("INSERT INTO sales SELECT id, name, price, NULL, NULL, NULL, NULL, NULL"
        + " FROM raw WHERE id <= 60")).isEqualTo(60);
    assertThat(statement.executeUpdate("INSERT INTO sales (price, id) SELECT price * 2, id + 1000 FROM raw"
        + " WHERE id > 90")).isEqualTo(10);
    String query = "SELECT COUNT(*), SUM(id), CAST(SUM(price) AS VARCHAR), COUNT(name) FROM sales";
    assertThat(ResultRows.of(statement, query)).containsExactly("70|12785|4675.00|60");
    assertThat(duckdb(query)).containsExactly("70|12785|4675.00|60");
    assertThat(icebergRecordCount("sales")).isEqualTo(70);
  }

  @Test void createTableAsWritesTheQuerysRowsInOneCommit() throws Exception {
    assertThat(statement.executeUpdate("CREATE TABLE top AS SELECT id, name, price * 2 AS twice, id < 5 AS small"
        + " FROM raw WHERE id <= 10")).isEqualTo(10);
    try (ResultSet rows = statement.executeQuery("SELECT * FROM top")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnName(3)).isEqualTo("twice");
      assertThat(columns.getColumnType(3)).isEqualTo(Types.DECIMAL);
      assertThat(columns.getColumnType(4)).isEqualTo(Types.BOOLEAN);
    }
    String query = "SELECT COUNT(*), CAST(SUM(twice) AS VARCHAR), SUM(CASE WHEN small THEN 1 ELSE 0 END) FROM top";
    assertThat(ResultRows.of(statement, query)).containsExactly("10|137.50|4");
    assertThat(icebergRecordCount("top")).isEqualTo(10);
    assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE top AS SELECT 1 AS x"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S01");
    assertThat(statement.executeUpdate("CREATE TABLE IF NOT EXISTS top AS SELECT 1 AS x")).isZero();
  }

  @Test void badRowsAreRefusedAndLeaveTheTableAsItWas() throws Exception {
    statement.executeUpdate("INSERT INTO sales (id, name) VALUES (1, 'kept')");
    assertSqlState("INSERT INTO sales (id, name) VALUES (1, 'x', 3)", "42000", "gives 3 values for 2 columns");
    assertSqlState("INSERT INTO sales (id, sold) VALUES (1, 'not a date')", "22018", "sold");
    assertSqlState("INSERT INTO sales (name) VALUES ('no id')", "23502", "'id'");
    assertSqlState("INSERT INTO sales (id) SELECT CASE WHEN id = 50 THEN NULL ELSE id END FROM raw", "23502", "'id'");
    assertSqlState("INSERT INTO sales (id, price) VALUES (2, 12345678901.5)", "22003", "");
    assertSqlState("INSERT INTO sales (nope) VALUES (1)", "42S22", "no column 'nope'");
    assertSqlState("INSERT INTO raw VALUES (1, 'x', 1.0)", "0A000", "read-only");
    assertSqlState("INSERT INTO missing VALUES (1)", "42S02", "'missing'");
    assertThat(ResultRows.of(statement, "SELECT id, name FROM sales")).containsExactly("1|kept");
    assertThat(icebergRecordCount("sales")).isEqualTo(1);
  }

  private void assertSqlState(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  /** The same query in DuckDB, over exactly the files the tables' current snapshots list. */
  private List<String> duckdb(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement views = duckdb.createStatement()) {
      Warehouse opened = Warehouse.open(warehouse.toString());
      for (String table : opened.managedTables().names(WarehouseSchema.NAME)) {
        String files = opened.table(table).orElseThrow().files().stream()
            .map(file -> "'" + java.net.URI.create(file.path()).getPath() + "'")
            .collect(Collectors.joining(", "));
        views.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet([" + files + "])");
      }
      return ResultRows.of(views, sql);
    }
  }

  private long icebergRecordCount(String name) throws IOException {
    Table table = Warehouse.open(warehouse.toString()).managedTables().load(TableName.ofDefault(name))
        .orElseThrow();
    long count = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record ignored : records) {
        count++;
      }
    }
    return count;
  }
}
