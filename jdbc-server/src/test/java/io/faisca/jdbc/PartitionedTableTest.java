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
