package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE of managed tables: Iceberg schema evolution. The data files
 * written before a change are never rewritten; they read as the table's
 * columns are now, as DuckDB (matching columns by field id) and Iceberg's
 * own reader read them.
 */
class SchemaEvolutionTest {
  private static final TableName ITEMS = TableName.ofDefault("items");

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
    statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR, price DECIMAL(8, 2), ratio REAL)");
    statement.executeUpdate("INSERT INTO items VALUES (1, 'a', 1.50, 0.5), (2, 'b', NULL, 1.25)");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void anAddedColumnReadsNullFromTheFilesWrittenBefore() throws Exception {
    Set<String> before = files();
    assertThat(statement.executeUpdate("ALTER TABLE items ADD COLUMN qty BIGINT")).isZero();
    statement.executeUpdate("INSERT INTO items VALUES (3, 'c', 3.00, 2.0, 30)");
    assertThat(files()).containsAll(before);
    String query = "SELECT id, name, qty FROM items ORDER BY id";
    List<String> expected = List.of("1|a|null", "2|b|null", "3|c|30");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.duckdb(warehouse, query, ITEMS)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.iceberg(warehouse, ITEMS))
        .containsExactlyInAnyOrder("1|a|1.50|0.5|null", "2|b|null|1.25|null", "3|c|3.00|2.0|30");
  }

  @Test void aRenamedColumnKeepsItsValues() throws Exception {
    assertThat(statement.executeUpdate("ALTER TABLE items RENAME COLUMN name TO label")).isZero();
    statement.executeUpdate("INSERT INTO items (id, label) VALUES (3, 'c')");
    String query = "SELECT id, label FROM items ORDER BY id";
    List<String> expected = List.of("1|a", "2|b", "3|c");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.duckdb(warehouse, query, ITEMS)).containsExactlyElementsOf(expected);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM items WHERE label = 'a'")).containsExactly("1");
    assertThatThrownBy(() -> statement.executeQuery("SELECT name FROM items"))
        .isInstanceOf(SQLException.class).hasMessageContaining("'name'")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S22");
    // The old files still call the column 'name': only its field id ties it to 'label'.
    assertThat(duckdbByName("SELECT name FROM read_parquet(['" + oldestFile() + "']) ORDER BY name"))
        .containsExactly("a", "b");
  }

  @Test void aColumnDroppedThenAddedAgainReadsNullFromTheOldFiles() throws Exception {
    assertThat(statement.executeUpdate("ALTER TABLE items DROP COLUMN price")).isZero();
    assertThat(columnNames("SELECT * FROM items")).containsExactly("id", "name", "ratio");
    assertThat(statement.executeUpdate("ALTER TABLE items ADD COLUMN price DECIMAL(8, 2)")).isZero();
    statement.executeUpdate("INSERT INTO items VALUES (3, 'c', 2.0, 9.99)");
    String query = "SELECT id, CAST(price AS VARCHAR) FROM items ORDER BY id";
    List<String> expected = List.of("1|null", "2|null", "3|9.99");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.duckdb(warehouse, query, ITEMS)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.iceberg(warehouse, ITEMS))
        .containsExactlyInAnyOrder("1|a|0.5|null", "2|b|1.25|null", "3|c|2.0|9.99");
    // The oldest file still holds the first column of that name, whose values are gone for good.
    assertThat(duckdbByName("SELECT CAST(price AS VARCHAR) FROM read_parquet(['" + oldestFile()
        + "']) WHERE id = 1")).containsExactly("1.50");
  }

  @Test void widenedColumnsReadTheirOldValuesWidened() throws Exception {
    statement.executeUpdate("ALTER TABLE items ALTER COLUMN id TYPE BIGINT");
    statement.executeUpdate("ALTER TABLE items ALTER COLUMN ratio SET DATA TYPE DOUBLE");
    statement.executeUpdate("ALTER TABLE items ALTER price TYPE DECIMAL(14, 2)");
    statement.executeUpdate("INSERT INTO items VALUES (5000000000, 'big', 123456789012.34, 1e300)");
    try (var rows = statement.executeQuery("SELECT id, price, ratio FROM items")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnType(1)).isEqualTo(Types.BIGINT);
      assertThat(columns.getColumnType(2)).isEqualTo(Types.DECIMAL);
      assertThat(columns.getPrecision(2)).isEqualTo(14);
      assertThat(columns.getColumnType(3)).isEqualTo(Types.DOUBLE);
    }
    String query = "SELECT id, CAST(price AS VARCHAR), ratio FROM items ORDER BY id";
    List<String> expected = List.of("1|1.50|0.5", "2|null|1.25", "5000000000|123456789012.34|1.0E300");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(SnapshotOracles.duckdb(warehouse, query, ITEMS)).containsExactlyElementsOf(expected);
    String totals = "SELECT SUM(id), CAST(SUM(price) AS VARCHAR) FROM items WHERE price > 1";
    assertThat(ResultRows.of(statement, totals)).containsExactly("5000000001|123456789013.84");
    assertThat(SnapshotOracles.duckdb(warehouse, totals, ITEMS)).containsExactly("5000000001|123456789013.84");
  }

  @Test void aRenamedTableKeepsItsRowsAndItsOldNameIsFree() throws Exception {
    assertThat(statement.executeUpdate("ALTER TABLE items RENAME TO Items")).isZero();
    assertThat(ResultRows.of(statement, "SHOW TABLES")).containsExactly("default|Items|TABLE", "default|raw|RAW TABLE");
    assertThat(statement.executeUpdate("ALTER TABLE items RENAME TO goods")).isZero();
    assertThat(ResultRows.of(statement, "SELECT id, name FROM goods ORDER BY id")).containsExactly("1|a", "2|b");
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM items"))
        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    // A new table of the old name gets a directory of its own: dropping either leaves the other's files.
    statement.executeUpdate("CREATE TABLE items (x INTEGER)");
    statement.executeUpdate("INSERT INTO items VALUES (7)");
    statement.executeUpdate("DROP TABLE goods");
    assertThat(ResultRows.of(statement, "SELECT x FROM items")).containsExactly("7");
    assertThat(SnapshotOracles.duckdb(warehouse, "SELECT x FROM items", ITEMS)).containsExactly("7");
  }

  @Test void aTableMovesToAnotherSchemaByRenaming() throws Exception {
    statement.executeUpdate("CREATE SCHEMA shop");
    statement.executeUpdate("ALTER TABLE items RENAME TO shop.items");
    assertThat(ResultRows.of(statement, "SELECT id FROM shop.items ORDER BY id")).containsExactly("1", "2");
    statement.executeUpdate("ALTER TABLE shop.items RENAME TO stock");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM shop.stock")).containsExactly("2");
    assertThat(SnapshotOracles.duckdb(warehouse, "SELECT COUNT(*) FROM shop.stock",
        new TableName("shop", "stock"))).containsExactly("2");
  }

  @Test void anInsertPlannedBeforeAColumnWasDroppedWritesNothing() throws Exception {
    try (var insert = connection.prepareStatement("INSERT INTO items VALUES (3, 'c', 3.00, 2.0)")) {
      statement.executeUpdate("ALTER TABLE items DROP COLUMN price");
      assertThatThrownBy(insert::executeUpdate)
          .isInstanceOf(SQLException.class).hasMessageContaining("changed after the INSERT was planned")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("40001");
    }
    assertThat(SnapshotOracles.iceberg(warehouse, ITEMS)).containsExactlyInAnyOrder("1|a|0.5", "2|b|1.25");
    statement.executeUpdate("INSERT INTO items VALUES (3, 'c', 2.0)");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM items")).containsExactly("3");
  }

  @Test void badChangesAreRefusedAndChangeNothing() throws Exception {
    statement.executeUpdate("CREATE VIEW cheap AS SELECT id FROM items");
    statement.executeUpdate("CREATE TABLE single (x INTEGER)");
    List<String> described = ResultRows.of(statement, "DESCRIBE items");
    assertRefused("ALTER TABLE items ADD COLUMN name VARCHAR", "42S21", "already has a column 'name'");
    assertRefused("ALTER TABLE items ADD COLUMN NAME INTEGER", "42S21", "(as 'name')");
    assertRefused("ALTER TABLE items ADD COLUMN qty INTEGER NOT NULL", "0A000", "cannot be added as NOT NULL");
    assertRefused("ALTER TABLE items DROP COLUMN nope", "42S22", "has no column 'nope'");
    assertRefused("ALTER TABLE items RENAME COLUMN nope TO x", "42S22", "has no column 'nope'");
    assertRefused("ALTER TABLE items RENAME COLUMN name TO ID", "42S21", "(as 'id')");
    assertRefused("ALTER TABLE items ALTER COLUMN price TYPE DECIMAL(6, 2)", "0A000", "can only widen");
    assertRefused("ALTER TABLE items ALTER COLUMN price TYPE DECIMAL(12, 3)", "0A000",
        "is DECIMAL(8, 2) and cannot become DECIMAL(12, 3)");
    assertRefused("ALTER TABLE items ALTER COLUMN name TYPE INTEGER", "0A000", "is VARCHAR and cannot become INTEGER");
    assertRefused("ALTER TABLE items ALTER COLUMN ratio TYPE INTEGER", "0A000", "is REAL");
    assertRefused("ALTER TABLE items ALTER COLUMN nope TYPE BIGINT", "42S22", "has no column 'nope'");
    assertRefused("ALTER TABLE single DROP COLUMN x", "0A000", "the only column of 'single'");
    assertRefused("ALTER TABLE missing ADD COLUMN x INTEGER", "42S02", "'missing' does not exist");
    assertRefused("ALTER TABLE raw ADD COLUMN x INTEGER", "0A000", "read-only");
    assertRefused("ALTER TABLE cheap ADD COLUMN x INTEGER", "42809", "'cheap' is a view");
    assertRefused("ALTER TABLE items RENAME TO raw", "42S01", "directory of data files");
    assertRefused("ALTER TABLE items RENAME TO Cheap", "42S01", "View 'Cheap' already exists (as 'cheap')");
    assertRefused("ALTER TABLE items RENAME TO nowhere.items", "3F000", "Schema 'nowhere' does not exist");
    assertThat(ResultRows.of(statement, "DESCRIBE items")).isEqualTo(described);
    assertThat(ResultRows.of(statement, "SELECT id, name FROM items ORDER BY id")).containsExactly("1|a", "2|b");
  }

  private void assertRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private List<String> columnNames(String sql) throws SQLException {
    try (var rows = statement.executeQuery(sql)) {
      ResultSetMetaData columns = rows.getMetaData();
      return java.util.stream.IntStream.rangeClosed(1, columns.getColumnCount()).mapToObj(i -> {
        try {
          return columns.getColumnName(i);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  private Set<String> files() {
    return Warehouse.open(warehouse.toString()).table(ITEMS).orElseThrow().files().stream()
        .map(DataFile::path).collect(Collectors.toSet());
  }

  /** A data file of the first INSERT, which every test makes before it changes the table. */
  private String oldestFile() throws Exception {
    var table = Warehouse.open(warehouse.toString()).managedTables().load(ITEMS).orElseThrow();
    long first = table.history().get(0).snapshotId();
    return URI.create(table.snapshot(first).addedDataFiles(table.io()).iterator().next().location()).getPath();
  }

  private static List<String> duckdbByName(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement query = duckdb.createStatement()) {
      return ResultRows.of(query, sql);
    }
  }
}
