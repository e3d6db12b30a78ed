package io.faisca.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.DataFile;
import io.faisca.catalog.TableName;
import io.faisca.crash.KilledWriter.At;
import io.faisca.hdfs.WarehouseRoot;
import io.faisca.jdbc.ResultRows;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A writer killed with {@code kill -9} at each phase of a CREATE TABLE AS, an INSERT OVERWRITE or a
 * DELETE leaves the table with exactly its old rows (a CREATE TABLE AS leaves no table), and orphan
 * removal then leaves exactly the files the table references. The phases: while tasks write data files;
 * after the files are written, before the commit starts; during the commit, once the new metadata file
 * is written but before the catalog points at it.
 */
class WriterCrashTest {
  private static final At WRITING = new At("org.apache.parquet.hadoop.ParquetFileWriter", "end");
  private static final At WRITTEN = new At("org.apache.iceberg.SnapshotProducer", "commit");
  private static final At SWAPPING_ROW = new At("org.apache.iceberg.jdbc.JdbcUtil", "updateTable");
  private static final At INSERTING_ROW = new At("org.apache.iceberg.jdbc.JdbcUtil", "doCommitCreateTable");
  private static final At RENAMING = new At("org.apache.iceberg.hadoop.HadoopTableOperations", "renameToFinal");

  private static final String DELETE = "DELETE FROM t WHERE MOD(id, 3) = 0";
  private static final String OVERWRITE = "INSERT OVERWRITE t SELECT id + 1000, name FROM t WHERE id > 2";
  private static final String CTAS = "CREATE TABLE c AS SELECT id, UPPER(name) AS name FROM t";

  @TempDir Path dir;

  /**
   * Every statement at its commit in the JDBC catalog, where each differs; before the commit they share
   * one write path, and on HDFS one rename, which each phase meets once (every combination, by hand,
   * also left the old rows).
   */
  static Stream<Arguments> crashes() {
    return Stream.of(
        Arguments.of("local", DELETE, WRITING), Arguments.of("local", DELETE, SWAPPING_ROW),
        Arguments.of("local", OVERWRITE, SWAPPING_ROW),
        Arguments.of("local", CTAS, WRITTEN), Arguments.of("local", CTAS, INSERTING_ROW),
        Arguments.of("hdfs", OVERWRITE, RENAMING));
  }

  @ParameterizedTest(name = "{0}: {1}, killed in {2}")
  @MethodSource("crashes")
  void aKilledWriterLeavesTheOldRowsAndOrphansThatCanBeRemoved(String where, String sql, At at) throws Exception {
    WarehouseRoot warehouse = "hdfs".equals(where) ? WarehouseRoot.hdfs(dir) : WarehouseRoot.local(dir);
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR)");
      statement.executeUpdate("INSERT INTO t SELECT x, 'n' || CAST(x AS VARCHAR) FROM (VALUES (1), (2), (3), (4),"
          + " (5), (6)) AS v(x)");
      statement.executeUpdate("INSERT INTO t VALUES (7, 'seven'), (8, NULL), (9, 'nine')");
      List<String> rows = ResultRows.of(statement, "SELECT id, name FROM t ORDER BY id");
      Set<String> files = files(warehouse, "default/t");

      KilledWriter.run(warehouse.url(), sql, at);

      assertThat(ResultRows.of(statement, "SELECT id, name FROM t ORDER BY id")).containsExactlyElementsOf(rows);
      assertThat(icebergRows(warehouse, "t")).isEqualTo(rows.size());
      statement.execute("SET remove_orphan_files_min_retention = '0s'");
      if (sql.equals(CTAS)) {
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM c")).isInstanceOf(SQLException.class)
            .hasMessageContaining("Table 'c' not found").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
        assertThat(connection.getMetaData().getTables(null, null, "c", null).next()).as("c is listed").isFalse();
        aLaterTableOfTheSameNameCleansUp(warehouse, statement);
      } else {
        statement.executeUpdate("ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '0s')");
        assertThat(files(warehouse, "default/t")).isEqualTo(files);
      }
      assertThat(ResultRows.of(statement, "SELECT id, name FROM t ORDER BY id")).containsExactlyElementsOf(rows);
    }
  }

  /** What the killed CREATE TABLE AS wrote is orphaned under the name's directory, and removed from there. */
  private static void aLaterTableOfTheSameNameCleansUp(WarehouseRoot warehouse, Statement statement)
      throws Exception {
    Set<String> leftovers = warehouse.exists("default/c") ? files(warehouse, "default/c") : Set.of();
    assertThat(statement.executeUpdate(CTAS)).isEqualTo(9);
    statement.executeUpdate("ALTER TABLE c EXECUTE remove_orphan_files(retention_threshold => '0s')");
    Set<String> after = files(warehouse, "default/c");
    assertThat(after).doesNotContainAnyElementsOf(leftovers);
    Set<String> dataFiles = new TreeSet<>();
    for (DataFile file : warehouse.open().table("c").orElseThrow().files()) {
      dataFiles.add(new org.apache.hadoop.fs.Path(file.path()).toUri().getPath());
    }
    assertThat(after.stream().filter(f -> f.contains("/data/")).map(f -> new org.apache.hadoop.fs.Path(f)
        .toUri().getPath())).containsExactlyInAnyOrderElementsOf(dataFiles);
    assertThat(ResultRows.of(statement, "SELECT COUNT(*), MAX(name) FROM c")).containsExactly("9|SEVEN");
  }

  private static Set<String> files(WarehouseRoot warehouse, String relative) throws IOException {
    Set<String> files = new TreeSet<>();
    FileSystem fs = warehouse.fileSystem();
    RemoteIterator<LocatedFileStatus> listed = fs.listFiles(warehouse.resolve(relative), true);
    while (listed.hasNext()) {
      files.add(listed.next().getPath().toString());
    }
    return files;
  }

  private static long icebergRows(WarehouseRoot warehouse, String name) throws IOException {
    Table table = warehouse.open().managedTables().load(TableName.ofDefault(name)).orElseThrow();
    long count = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record ignored : records) {
        count++;
      }
    }
    return count;
  }

}
