package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned managed tables: each row is written to a file of its
 * partition, as Iceberg computes it, and every reader (Faísca, DuckDB on the
 * files, Iceberg with partition filters) finds it there.
 */
class PartitionedTableTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void rowsLandInThePartitionsIcebergComputes() throws Exception {
    statement.executeUpdate("CREATE TABLE events (id BIGINT NOT NULL, region VARCHAR,"
        + " ts TIMESTAMP WITH LOCAL TIME ZONE, amount DECIMAL(10, 2)) PARTITIONED BY (region, day(ts), bucket(4, id))");
    assertThat(statement.executeUpdate("INSERT INTO events VALUES"
        + " (1, 'EU', TIMESTAMP '2024-01-01 10:00:00', 1.50),"
        + " (2, 'EU', TIMESTAMP '2024-01-01 23:59:59.999999', 2.00),"
        + " (3, 'US', TIMESTAMP '1969-12-31 23:59:59', 3.25),"
        + " (4, NULL, NULL, NULL),"
        + " (5, '', TIMESTAMP '2024-01-02 00:00:00', 5.00),"
        + " (6, 'a/b:c d%~', TIMESTAMP '2024-01-02 00:00:00', 6.00),"
        + " (7, '__HIVE_DEFAULT_PARTITION__', TIMESTAMP '2024-01-02 00:00:00', 7.00),"
        + " (8, '~x', TIMESTAMP '2024-01-02 00:00:00', 8.00)")).isEqualTo(8);

    String query = "SELECT id, region, CAST(ts AS VARCHAR), CAST(amount AS VARCHAR) FROM events ORDER BY id";
    List<String> expected = List.of(
        "1|EU|2024-01-01 10:00:00|1.50",
        "2|EU|2024-01-01 23:59:59.999999|2.00",
        "3|US|1969-12-31 23:59:59|3.25",
        "4|null|null|null",
        "5||2024-01-02 00:00:00|5.00",
        "6|a/b:c d%~|2024-01-02 00:00:00|6.00",
        "7|__HIVE_DEFAULT_PARTITION__|2024-01-02 00:00:00|7.00",
        "8|~x|2024-01-02 00:00:00|8.00");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(duckdb("SELECT id, region, amount FROM events ORDER BY id")).containsExactly(
        "1|EU|1.50", "2|EU|2.00", "3|US|3.25", "4|null|null", "5||5.00", "6|a/b:c d%~|6.00",
        "7|__HIVE_DEFAULT_PARTITION__|7.00", "8|~x|8.00");

    Table table = IcebergFiles.table(warehouse, "events");
    IcebergFiles.assertEachFileHoldsItsPartition(table);
    Set<List<Object>> regionAndDay = IcebergFiles.files(table).stream()
        .map(file -> IcebergFiles.values(file.partition()).subList(0, 2)).collect(Collectors.toSet());
    assertThat(regionAndDay).containsExactlyInAnyOrder(Arrays.asList("EU", 19723), Arrays.asList("US", -1),
        Arrays.asList(null, null), Arrays.asList("", 19724), Arrays.asList("a/b:c d%~", 19724),
        Arrays.asList("__HIVE_DEFAULT_PARTITION__", 19724), Arrays.asList("~x", 19724));
    assertThat(ids(table, Expressions.equal("region", "EU"))).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids(table, Expressions.isNull("region"))).containsExactly(4L);
    assertThat(ids(table, Expressions.equal("region", ""))).containsExactly(5L);
    assertThat(ids(table, Expressions.equal("region", "__HIVE_DEFAULT_PARTITION__"))).containsExactly(7L);
    assertThat(ids(table, Expressions.lessThan("ts", "1970-01-01T00:00:00+00:00"))).containsExactly(3L);
    // Iceberg prunes by the manifests' partitions: a filter on the partition column plans only its files.
    assertThat(plannedFiles(table, Expressions.equal("region", "US")))
        .allSatisfy(file -> assertThat(file.partition().get(0, String.class)).isEqualTo("US")).hasSize(1);

    // Rewrites find the files of rows in directories whose names Spark escaped.
    assertThat(statement.executeUpdate("DELETE FROM events WHERE id IN (6, 7)")).isEqualTo(2);
    assertThat(statement.executeUpdate("UPDATE events SET amount = 0 WHERE region = '~x'")).isOne();
    assertThat(ResultRows.of(statement, "SELECT id, CAST(amount AS VARCHAR) FROM events WHERE id > 4 ORDER BY id"))
        .containsExactly("5|5.00", "8|0.00");
    assertThat(IcebergFiles.files(IcebergFiles.table(warehouse, "events")).stream()
        .mapToLong(DataFile::recordCount).sum()).isEqualTo(6);
  }

  @Test void deleteAndUpdateKeepRowsInTheirPartitions() throws Exception {
    statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR, sold DATE)"
        + " PARTITIONED BY (month(sold), truncate(1, name)) STORED AS AVRO");
    statement.executeUpdate("INSERT INTO items VALUES (1, 'apple', DATE '2024-01-05'), (2, 'avocado', DATE"
        + " '2024-01-20'), (3, 'banana', DATE '2024-02-01'), (4, 'a b:c', DATE '1969-12-31'), (5, NULL, NULL)");

    assertThat(statement.executeUpdate("DELETE FROM items WHERE id = 4")).isOne();
    // The row moves to the partition of its new values: name 'c...', month 2024-03.
    assertThat(statement.executeUpdate("UPDATE items SET name = 'cherry', sold = DATE '2024-03-01' WHERE id = 1"))
        .isOne();
    assertThat(ResultRows.of(statement, "SELECT id, name, CAST(sold AS VARCHAR) FROM items ORDER BY id"))
        .containsExactly("1|cherry|2024-03-01", "2|avocado|2024-01-20", "3|banana|2024-02-01", "5|null|null");
    Table table = IcebergFiles.table(warehouse, "items");
    IcebergFiles.assertEachFileHoldsItsPartition(table);
    assertThat(IcebergFiles.files(table)).extracting(file -> IcebergFiles.values(file.partition()))
        .containsExactlyInAnyOrder(Arrays.asList(650, "c"), Arrays.asList(648, "a"), Arrays.asList(649, "b"),
            Arrays.asList(null, null));
  }

  @Test void createTableAsPartitionsItsRowsAndKeepsItsProperties() throws Exception {
    assertThat(statement.executeUpdate("CREATE TABLE squares PARTITIONED BY (bucket(3, n), parity)"
        + " WITH ('owner' = 'maths', 'write.parquet.compression-codec' = 'zstd')"
        + " AS SELECT n, n * n AS square, MOD(n, 2) = 0 AS parity FROM (VALUES (1), (2), (3), (4), (5), (6)) AS t(n)"))
        .isEqualTo(6);

    Table table = IcebergFiles.table(warehouse, "squares");
    assertThat(table.spec().fields()).extracting(field -> field.name()).containsExactly("n_bucket", "parity");
    assertThat(table.properties()).containsEntry("owner", "maths").containsEntry("write.format.default", "parquet");
    IcebergFiles.assertEachFileHoldsItsPartition(table);
    assertThat(ResultRows.of(statement, "SELECT SUM(square), COUNT(*) FROM squares WHERE parity"))
        .containsExactly("56|3");
  }

  @Test void wrongPartitioningIsRefusedBeforeAnythingIsCreated() throws Exception {
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (region)", "42000",
        "PARTITIONED BY region: the table has no column 'region'");
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (bucket(id))", "42000",
        "bucket needs a number of buckets above 0");
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (bucket(0, id))", "42000",
        "bucket needs a number of buckets above 0");
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (truncate(-2, id))", "42000",
        "truncate needs a width above 0");
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (day(id))", "42000",
        "day does not apply to column 'id' of type BIGINT");
    assertRefused("CREATE TABLE t (id BIGINT, ts TIMESTAMP) PARTITIONED BY (week(ts))", "42000",
        "unknown transform 'week'");
    assertRefused("CREATE TABLE t (id BIGINT) PARTITIONED BY (bucket(16, id, id))", "42000",
        "a transform takes one column");
    assertRefused("CREATE TABLE t AS SELECT 1 AS id PARTITIONED BY (id)", "42000", "Syntax error");
    assertRefused("CREATE TABLE t PARTITIONED BY (nope) AS SELECT 1 AS id", "42000", "no column 'nope'");
    assertRefused("CREATE TABLE t (id BIGINT) STORED AS ORC", "0A000", "ORC");
    assertRefused("CREATE TABLE t (id BIGINT) STORED AS CSV", "42000", "Unknown file format 'CSV'");
    assertRefused("CREATE TABLE t (id BIGINT) STORED AS AVRO WITH ('write.format.default' = 'parquet')", "42000",
        "disagree");
    assertRefused("CREATE TABLE t (id BIGINT) WITH ('format' = 'avro')", "42000", "STORED AS");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM (VALUES (1)) AS v(x)")).containsExactly("1");
    assertThat(java.nio.file.Files.exists(warehouse.resolve("default/t"))).isFalse();
    assertRefused("SELECT * FROM t", "42S02", "");
  }

  @Test void aPartitionValueIcebergCannotRecordFailsTheWrite() throws Exception {
    statement.executeUpdate("CREATE TABLE prices (p DECIMAL(3, 2)) PARTITIONED BY (truncate(50, p))");
    statement.executeUpdate("INSERT INTO prices VALUES (1.25)");

    // -9.99 truncates to -10.00, a digit more than DECIMAL(3, 2) holds.
    assertRefused("INSERT INTO prices VALUES (-9.99)", "22003", "-10.00 does not fit DECIMAL(3, 2)");
    assertThat(ResultRows.of(statement, "SELECT CAST(p AS VARCHAR) FROM prices")).containsExactly("1.25");
  }

  private void assertRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private static List<Long> ids(Table table, Expression filter) throws IOException {
    List<Long> ids = new ArrayList<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).where(filter).build()) {
      rows.forEach(row -> ids.add((Long) row.getField("id")));
    }
    return ids;
  }

  private static List<DataFile> plannedFiles(Table table, Expression filter) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(filter).planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    }
    return files;
  }

  /** The same query in DuckDB, over exactly the Parquet files the tables' current snapshots list. */
  private List<String> duckdb(String sql) throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement views = duckdb.createStatement()) {
      for (String name : List.of("events")) {
        String files = IcebergFiles.files(IcebergFiles.table(warehouse, name)).stream()
            .map(file -> "'" + new org.apache.hadoop.fs.Path(file.location()).toUri().getPath() + "'")
            .collect(Collectors.joining(", "));
        views.execute("CREATE VIEW " + name + " AS SELECT * FROM read_parquet([" + files + "])");
      }
      return ResultRows.of(views, sql);
    }
  }
}
