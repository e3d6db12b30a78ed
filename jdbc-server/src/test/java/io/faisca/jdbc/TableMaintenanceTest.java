package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import io.faisca.hdfs.WarehouseRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ALTER TABLE t EXECUTE remove_orphan_files(…)} and {@code expire_snapshots(…)}. */
class TableMaintenanceTest {
  @TempDir Path dir;
  private WarehouseRoot warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws SQLException {
    warehouse = WarehouseRoot.local(dir);
    connection = DriverManager.getConnection(warehouse.url());
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE t (id INTEGER, name VARCHAR)");
    statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    statement.executeUpdate("INSERT INTO t VALUES (3, 'c')");
    statement.executeUpdate("DELETE FROM t WHERE id = 1");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void removeOrphanFilesDeletesExactlyWhatNoSnapshotReferences() throws Exception {
    List<String> before = tableFiles();
    Path stray = Files.writeString(dir.resolve("stray.parquet"), "left by a killed write");
    warehouse.put(stray, "default/t/data/stray.parquet");
    warehouse.put(stray, "default/t/metadata/00009-stray.metadata.json");
    assertThat(tableFiles()).hasSize(before.size() + 2);

    // Fresh files are left alone: they may belong to a write still running.
    statement.execute("SET remove_orphan_files_min_retention = '0s'");
    assertThat(statement.executeUpdate("ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '1h')"))
        .isZero();
    assertThat(statement.executeUpdate("ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '0s')"))
        .isEqualTo(2);
    assertThat(tableFiles()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(ResultRows.of(statement, "SELECT id, name FROM t ORDER BY id")).containsExactly("2|b", "3|c");
  }

  @Test void aRetentionShorterThanTheSessionsMinimumIsRefused() {
    assertThatThrownBy(() -> statement.executeUpdate(
        "ALTER TABLE t EXECUTE remove_orphan_files(retention_threshold => '1h')"))
        .isInstanceOf(SQLException.class).hasMessageContaining("remove_orphan_files_min_retention")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
  }

  @Test void expireSnapshotsKeepsTheCurrentOneAndDeletesWhatOnlyOldOnesReferenced() throws Exception {
    assertThat(table().snapshots()).hasSize(3);
    List<String> before = tableFiles();
    long deleted = statement.executeUpdate("ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '0s')");
    assertThat(table().snapshots()).hasSize(1);
    // The DELETE rewrote the first INSERT's file: that file, and the old manifests and manifest lists, go.
    assertThat(deleted).isPositive();
    // The expiry is a commit of its own: one more metadata version.
    assertThat(tableFiles()).hasSize(before.size() - (int) deleted + 1);
    assertThat(ResultRows.of(statement, "SELECT id, name FROM t ORDER BY id")).containsExactly("2|b", "3|c");
    assertThat(statement.executeUpdate("ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => '0s')"))
        .isZero();
  }

  @Test void badProceduresAndArgumentsAreClearErrors() {
    assertSqlState("ALTER TABLE t EXECUTE optimize()", "42000", "Unknown table procedure 'optimize'");
    assertSqlState("ALTER TABLE t EXECUTE expire_snapshots(older => '1d')", "42000", "has no argument 'older'");
    assertSqlState("ALTER TABLE t EXECUTE expire_snapshots(retention_threshold => 'soon')", "22023",
        "retention_threshold");
    assertSqlState("ALTER TABLE t EXECUTE expire_snapshots(retain_last => 0)", "22023", "retain_last");
    assertSqlState("ALTER TABLE missing EXECUTE expire_snapshots()", "42S02", "'missing'");
  }

  private void assertSqlState(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private Table table() {
    return warehouse.open().managedTables().load(TableName.ofDefault("t")).orElseThrow();
  }

  private List<String> tableFiles() throws IOException {
    List<String> files = new ArrayList<>();
    FileSystem fs = warehouse.fileSystem();
    RemoteIterator<LocatedFileStatus> listed = fs.listFiles(warehouse.resolve("default/t"), true);
    while (listed.hasNext()) {
      files.add(listed.next().getPath().toString());
    }
    return files;
  }
}
