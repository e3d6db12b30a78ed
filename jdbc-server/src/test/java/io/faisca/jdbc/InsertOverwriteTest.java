package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.transforms.Transforms;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.SerializableFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT OVERWRITE: an unpartitioned table's rows are replaced, a
 * partitioned table's partitions that the query writes rows to are replaced
 * and the others kept, all in one commit; answers are checked against DuckDB
 * reading the current snapshot's files and against Iceberg's manifests.
 */
class InsertOverwriteTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws Exception {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      Files.createDirectories(warehouse.resolve("raw"));
      copy.execute("COPY (SELECT 1::BIGINT AS id) TO '" + warehouse.resolve("raw/part-0.parquet") + "' (FORMAT PARQUET)");
    }
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE plain (id BIGINT NOT NULL, region VARCHAR, amount DECIMAL(8, 2))");
    statement.executeUpdate("CREATE TABLE sales (id BIGINT NOT NULL, region VARCHAR, amount DECIMAL(8, 2))"
        + " PARTITIONED BY (region)");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void anUnpartitionedTableIsReplacedWholeInOneCommit() throws Exception {
    statement.executeUpdate("INSERT INTO plain VALUES (1, 'EU', 1.00), (2, 'US', 2.00)");
    statement.executeUpdate("INSERT INTO plain VALUES (3, 'EU', 3.00)");

    assertThat(statement.executeUpdate("INSERT OVERWRITE plain SELECT id + 10, region, amount * 10 FROM plain"
        + " WHERE region = 'EU'")).isEqualTo(2);
    String query = "SELECT id, region, CAST(amount AS VARCHAR) FROM plain ORDER BY id";
    assertThat(ResultRows.of(statement, query)).containsExactly("11|EU|10.00", "13|EU|30.00");
    assertThat(duckdb("plain", query)).containsExactly("11|EU|10.00", "13|EU|30.00");
    assertThat(operations("plain")).containsExactly("append", "append", "overwrite");

    assertThat(statement.executeUpdate("INSERT OVERWRITE TABLE plain (id) VALUES (7)")).isOne();
    assertThat(ResultRows.of(statement, query)).containsExactly("7|null|null");
  }

  @Test void noRowsEmptyAnUnpartitionedTable() throws Exception {
    statement.executeUpdate("INSERT INTO plain VALUES (1, 'EU', 1.00), (2, 'US', 2.00)");

    assertThat(statement.executeUpdate("INSERT OVERWRITE plain SELECT * FROM plain WHERE id < 0")).isZero();
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM plain")).containsExactly("0");
    assertThat(IcebergFiles.files(IcebergFiles.table(warehouse, "plain"))).isEmpty();
    assertThat(operations("plain")).hasSize(2);
  }

  @Test void aPartitionedTableLosesOnlyThePartitionsTheQueryWrites() throws Exception {
    statement.executeUpdate("INSERT INTO sales VALUES (1, 'EU', 1.00), (2, 'EU', 2.00), (3, 'US', 3.00),"
        + " (4, NULL, 4.00), (5, 'APAC', 5.00)");
    Set<String> kept = paths(IcebergFiles.files(IcebergFiles.table(warehouse, "sales")).stream()
        .filter(file -> !"EU".equals(file.partition().get(0, String.class))
            && file.partition().get(0, String.class) != null).toList());

    assertThat(statement.executeUpdate("INSERT OVERWRITE sales VALUES (10, 'EU', 10.00), (11, NULL, 11.00),"
        + " (12, 'EU', 12.00)")).isEqualTo(3);
    String query = "SELECT id, region, CAST(amount AS VARCHAR) FROM sales ORDER BY id";
    List<String> expected = List.of("3|US|3.00", "5|APAC|5.00", "10|EU|10.00", "11|null|11.00", "12|EU|12.00");
    assertThat(ResultRows.of(statement, query)).containsExactlyElementsOf(expected);
    assertThat(duckdb("sales", query)).containsExactlyElementsOf(expected);
    Table table = IcebergFiles.table(warehouse, "sales");
    assertThat(paths(IcebergFiles.files(table))).containsAll(kept);
    assertThat(IcebergFiles.files(table)).extracting(file -> file.partition().get(0, String.class))
        .containsOnly("US", "APAC", "EU", null);
    IcebergFiles.assertEachFileHoldsItsPartition(table);
    assertThat(operations("sales")).containsExactly("append", "overwrite");
  }

  @Test void noRowsLeaveAPartitionedTableAsItWas() throws Exception {
    statement.executeUpdate("INSERT INTO sales VALUES (1, 'EU', 1.00), (2, 'US', 2.00)");

    assertThat(statement.executeUpdate("INSERT OVERWRITE sales SELECT * FROM sales WHERE id < 0")).isZero();
    assertThat(ResultRows.of(statement, "SELECT id FROM sales ORDER BY id")).containsExactly("1", "2");
    assertThat(operations("sales")).containsExactly("append");
  }

  @Test void bucketsTheQueryWritesToAreReplacedWhole() throws Exception {
    statement.executeUpdate("CREATE TABLE b (id BIGINT, v VARCHAR) PARTITIONED BY (bucket(4, id)) STORED AS AVRO");
    statement.executeUpdate("INSERT INTO b SELECT id, 'old' FROM (VALUES " + LongStream.rangeClosed(1, 20)
        .mapToObj(id -> "(" + id + ")").collect(Collectors.joining(", ")) + ") AS t(id)");

    // The rows of ids 1-3 replace every row in the buckets of ids 1-3.
    assertThat(statement.executeUpdate("INSERT OVERWRITE b (id, v) SELECT id, 'new' FROM b WHERE id <= 3"))
        .isEqualTo(3);
    SerializableFunction<Long, Integer> bucket = Transforms.<Long>bucket(4).bind(Types.LongType.get());
    Set<Integer> replaced = new HashSet<>(List.of(bucket.apply(1L), bucket.apply(2L), bucket.apply(3L)));
    List<String> expected = new ArrayList<>();
    for (long id = 1; id <= 20; id++) {
      if (id <= 3) {
        expected.add(id + "|new");
      } else if (!replaced.contains(bucket.apply(id))) {
        expected.add(id + "|old");
      }
    }
    assertThat(ResultRows.of(statement, "SELECT id, v FROM b ORDER BY id")).containsExactlyElementsOf(expected);
    IcebergFiles.assertEachFileHoldsItsPartition(IcebergFiles.table(warehouse, "b"));
  }

  @Test void wrongOverwritesChangeNothing() throws Exception {
    statement.executeUpdate("INSERT INTO plain VALUES (1, 'EU', 1.00)");
    List<String> operations = operations("plain");

    assertSqlState("INSERT OVERWRITE raw VALUES (2)", "0A000", "read-only");
    assertSqlState("INSERT OVERWRITE plain (region) VALUES ('x')", "23502", "'id'");
    assertSqlState("INSERT OVERWRITE plain VALUES (1)", "42000", "gives 1 values for 3 columns");
    assertSqlState("INSERT OVERWRITE plain SELECT CASE WHEN id = 1 THEN NULL ELSE id END, region, amount FROM plain",
        "23502", "'id'");
    assertSqlState("INSERT OVERWRITE missing VALUES (1)", "42S02", "'missing'");
    assertThat(operations("plain")).isEqualTo(operations);
    assertThat(ResultRows.of(statement, "SELECT id, region FROM plain")).containsExactly("1|EU");
  }

  private void assertSqlState(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private List<String> operations(String name) {
    List<String> operations = new ArrayList<>();
    IcebergFiles.table(warehouse, name).snapshots().forEach(snapshot -> operations.add(snapshot.operation()));
    return operations;
  }

  private static Set<String> paths(List<DataFile> files) {
    return files.stream().map(DataFile::location).collect(Collectors.toSet());
  }

  /** The query in DuckDB over the Parquet files of the table's current snapshot. */
  private List<String> duckdb(String table, String sql) throws SQLException {
    String files = IcebergFiles.files(IcebergFiles.table(warehouse, table)).stream()
        .map(file -> "'" + new org.apache.hadoop.fs.Path(file.location()).toUri().getPath() + "'")
        .collect(Collectors.joining(", "));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement views = duckdb.createStatement()) {
      views.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet([" + files + "])");
      return ResultRows.of(views, sql);
    }
  }
}
