package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import io.faisca.hdfs.MiniHdfs;
import io.faisca.hdfs.WarehouseRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CREATE TABLE … LOCATION}: a table in a directory of its own inside a root the operator allows,
 * every statement working there (answers checked against DuckDB and Iceberg's reader over the snapshot's
 * files), and every location that is not the table's to take refused before anything is created.
 */
class TableLocationTest {
  private static final TableName SALES = TableName.ofDefault("sales");
  private static final String SALES_ROWS = "SELECT id, name, CAST(price AS VARCHAR) FROM sales ORDER BY id";

  @TempDir Path dir;

  @Test void aTableInsideAnExtraRootIsWrittenReadAndDroppedThere() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.local(dir);
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Path location = tables.resolve("sales");
    String roots = "locationRoots=" + dir.resolve("other") + ", " + tables;
    try (Connection connection = DriverManager.getConnection(warehouse.url(roots));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE src (id BIGINT NOT NULL, name VARCHAR, price DECIMAL(12, 2))");
      statement.executeUpdate("INSERT INTO src VALUES (1, 'a', 9.99), (2, 'b', 1.50), (3, NULL, NULL)");
      assertThat(statement.executeUpdate("CREATE TABLE sales LOCATION '" + location + "' AS SELECT * FROM src"))
          .isEqualTo(3);
      assertThat(statement.executeUpdate("INSERT INTO sales VALUES (4, 'd', 4.00)")).isEqualTo(1);
      assertThat(statement.executeUpdate("UPDATE sales SET price = price * 2 WHERE id < 3")).isEqualTo(2);
      assertThat(statement.executeUpdate("DELETE FROM sales WHERE id = 3")).isEqualTo(1);
      assertThat(statement.executeUpdate("INSERT OVERWRITE sales SELECT id + 10, name, price FROM sales"))
          .isEqualTo(3);
      assertThat(statement.executeUpdate("INSERT INTO sales VALUES (5, NULL, 0.50)")).isEqualTo(1);

      List<String> expected = List.of("5|null|0.50", "11|a|19.98", "12|b|3.00", "14|d|4.00");
      assertThat(ResultRows.of(statement, SALES_ROWS)).containsExactlyElementsOf(expected);
      assertThat(SnapshotOracles.duckdb(warehouse, SALES_ROWS, SALES)).containsExactlyElementsOf(expected);
      assertThat(SnapshotOracles.iceberg(warehouse, SALES)).containsExactlyInAnyOrderElementsOf(expected);
      Table table = warehouse.open().managedTables().load(SALES).orElseThrow();
      assertEverythingLiesInside(table, location);
      assertThat(warehouse.exists("default/sales")).isFalse();

      assertThat(ResultRows.of(statement, "SHOW CREATE TABLE sales")).singleElement().asString()
          .endsWith("\nLOCATION '" + table.location() + "'");
      assertThat(ResultRows.of(statement, "SHOW CREATE TABLE src")).singleElement().asString()
          .doesNotContain("LOCATION");
      // Run again, IF NOT EXISTS finds the table: its directory, no longer empty, is no reason to fail.
      assertThat(statement.executeUpdate("CREATE TABLE IF NOT EXISTS sales (id BIGINT) LOCATION '" + location
          + "'")).isZero();

      Path orphan = Files.writeString(location.resolve("data").resolve("orphan.parquet"), "left by a killed write");
      statement.execute("SET remove_orphan_files_min_retention = '0s'");
      assertThat(statement.executeUpdate("ALTER TABLE sales EXECUTE remove_orphan_files(retention_threshold => '0s')"))
          .isEqualTo(1);
      assertThat(orphan).doesNotExist();
      assertThat(ResultRows.of(statement, SALES_ROWS)).containsExactlyElementsOf(expected);

      statement.executeUpdate("DROP TABLE sales");
      assertThat(location).doesNotExist();
      assertThat(tables).isEmptyDirectory();
    }
  }

  @Test void aLocationIsNormalizedAndMayLieInASchemasDirectory() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.local(dir);
    Path tables = Files.createDirectories(dir.resolve("tables"));
    try (Connection connection = DriverManager.getConnection(warehouse.url("locationRoots=" + tables));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE t (x INTEGER) LOCATION '" + tables + "/a/../t'");
      statement.executeUpdate("CREATE TABLE u (x INTEGER) LOCATION '" + warehouse.location() + "/default/mine/u'");
      statement.executeUpdate("INSERT INTO t VALUES (1)");
      statement.executeUpdate("INSERT INTO u SELECT x + 1 FROM t");

      assertThat(ResultRows.of(statement, "SELECT x FROM t UNION ALL SELECT x FROM u")).containsExactlyInAnyOrder(
          "1", "2");
      assertEverythingLiesInside(warehouse.open().managedTables().load(TableName.ofDefault("t")).orElseThrow(),
          tables.resolve("t"));
      assertThat(tables.resolve("a")).doesNotExist();
      assertThat(ResultRows.of(statement, "SHOW CREATE TABLE u")).singleElement().asString()
          .endsWith("/default/mine/u'");
      // A table Faísca places later, by the name of the directory holding u, goes beside it.
      statement.executeUpdate("CREATE TABLE mine (x INTEGER)");
      statement.executeUpdate("DROP TABLE mine");
      assertThat(ResultRows.of(statement, "SELECT x FROM u")).containsExactly("2");
    }
  }

  @Test void aLocationNotTheTablesToTakeIsRefusedAndNothingIsCreated() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.local(dir);
    Path root = Path.of(warehouse.location());
    Path tables = Files.createDirectories(dir.resolve("tables"));
    Path full = Files.createDirectories(tables.resolve("full"));
    Files.writeString(full.resolve("notes.txt"), "someone else's");
    Files.createDirectories(root.resolve("files"));
    String roots = "locationRoots=" + tables + "," + tables.resolve("nested");
    try (Connection connection = DriverManager.getConnection(warehouse.url(roots));
        Statement statement = connection.createStatement()) {
      assertRefused(statement, "LOCATION '" + dir.resolve("elsewhere") + "'", "42501", "elsewhere", tables.toString(),
          root.toString());
      assertRefused(statement, "LOCATION '" + tables + "/../elsewhere'", "42501", "elsewhere", tables.toString());
      assertRefused(statement, "LOCATION '" + tables + "'", "42501", "outside");
      assertRefused(statement, "LOCATION '" + tables.resolve("nested") + "'", "42501", "holds");
      assertRefused(statement, "LOCATION 'tables/t'", "22023", "relative path");
      assertRefused(statement, "LOCATION ''", "22023", "empty");
      assertRefused(statement, "LOCATION '" + full + "'", "42S01", "not empty");
      assertRefused(statement, "LOCATION '" + root + "/files/t'", "42501", "schema's directory");
      assertRefused(statement, "LOCATION '" + root + "/.faisca/t'", "42501", "schema's directory");
      assertRefused(statement, "LOCATION '" + root + "/default'", "42501", "schema's directory");
      assertRefused(statement, "LOCATION '" + dir + "'", "42501", "outside");

      assertThat(ResultRows.of(statement, "SHOW TABLES")).isEmpty();
      assertThat(dir.resolve("elsewhere")).doesNotExist();
      assertThat(children(tables)).containsExactly("full");
      assertThat(children(full)).containsExactly("notes.txt");
      // Not even the catalog was created.
      assertThat(children(root)).containsExactly("files");

      statement.executeUpdate("CREATE TABLE inner_table (x INTEGER) LOCATION '" + tables.resolve("inner") + "'");
      assertRefused(statement, "LOCATION '" + tables.resolve("inner") + "'", "42S01",
          "is the directory of table 'inner_table'");
      assertRefused(statement, "LOCATION '" + tables.resolve("inner/data/t") + "'", "42501",
          "inside the directory of table 'inner_table'");
      assertThat(ResultRows.of(statement, "SHOW TABLES")).singleElement().asString().contains("inner_table");
    }
  }

  @Test void aRelativeRootIsRefusedWhenConnecting() {
    WarehouseRoot warehouse = WarehouseRoot.local(dir);

    assertThatThrownBy(() -> DriverManager.getConnection(warehouse.url("locationRoots=tables")))
        .isInstanceOf(SQLException.class).hasMessageContaining("Location root 'tables' is a relative path")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  @Test void theMetadataFileCatalogOfHdfsPlacesNoTableElsewhere() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.hdfs(dir);
    String tables = MiniHdfs.newDirectory("tables");
    try (Connection connection = DriverManager.getConnection(warehouse.url("locationRoots=" + tables));
        Statement statement = connection.createStatement()) {
      assertRefused(statement, "LOCATION '" + tables + "/t'", "0A000", "--catalog-uri");

      assertThat(ResultRows.of(statement, "SHOW TABLES")).isEmpty();
      assertThat(MiniHdfs.fileSystem().listStatus(new org.apache.hadoop.fs.Path(tables))).isEmpty();
    }
  }

  @Test void aJdbcCatalogPlacesTablesInsideARootOnHdfs() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.hdfsWithJdbcCatalog(dir);
    String tables = MiniHdfs.newDirectory("tables");
    org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(tables + "/sales");
    try (Connection connection = DriverManager.getConnection(warehouse.url("locationRoots=" + tables));
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("CREATE TABLE sales LOCATION '" + location + "' AS SELECT id,"
          + " CAST(name AS VARCHAR) AS name, price FROM (VALUES (1, 'a', 9.99), (2, 'b', 1.50)) AS v (id, name, price)"))
          .isEqualTo(2);
      assertThat(statement.executeUpdate("INSERT INTO sales VALUES (3, 'c', 0.25)")).isEqualTo(1);
      assertThat(statement.executeUpdate("UPDATE sales SET name = 'z' WHERE id = 2")).isEqualTo(1);
      assertThat(statement.executeUpdate("DELETE FROM sales WHERE id = 1")).isEqualTo(1);

      List<String> expected = List.of("2|z|1.50", "3|c|0.25");
      assertThat(ResultRows.of(statement, SALES_ROWS)).containsExactlyElementsOf(expected);
      assertThat(SnapshotOracles.duckdb(warehouse, SALES_ROWS, SALES)).containsExactlyElementsOf(expected);
      Table table = warehouse.open().managedTables().load(SALES).orElseThrow();
      assertThat(table.location()).isEqualTo(location.toString());
      assertThat(IcebergFiles.files(table)).isNotEmpty()
          .allSatisfy(file -> assertThat(file.location()).startsWith(location + "/data/"));
      assertRefused(statement, "LOCATION '" + MiniHdfs.uri() + "/elsewhere'", "42501", "outside");

      statement.executeUpdate("DROP TABLE sales");
      assertThat(MiniHdfs.fileSystem().exists(location)).isFalse();
    }
  }

  /** The table's data and metadata files all lie under {@code location}. */
  private static void assertEverythingLiesInside(Table table, Path location) {
    String directory = new org.apache.hadoop.fs.Path("file:" + location).toString();
    assertThat(table.location()).isEqualTo(directory);
    assertThat(IcebergFiles.files(table)).isNotEmpty()
        .allSatisfy(file -> assertThat(file.location()).startsWith(directory + "/data/"));
    assertThat(((HasTableOperations) table).operations().current().metadataFileLocation())
        .startsWith(directory + "/metadata/");
  }

  /** Both CREATE TABLE with columns and CREATE TABLE AS are refused at {@code location}, naming it. */
  private static void assertRefused(Statement statement, String location, String sqlState, String... message) {
    for (String sql : List.of("CREATE TABLE refused (x INTEGER) " + location,
        "CREATE TABLE refused " + location + " AS SELECT 1 AS x")) {
      assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
          .hasMessageContainingAll(message).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
    }
  }

  private static List<String> children(Path directory) throws Exception {
    try (Stream<Path> listed = Files.list(directory)) {
      return listed.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
