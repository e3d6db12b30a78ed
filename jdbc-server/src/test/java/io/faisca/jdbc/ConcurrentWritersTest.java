package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.catalog.TableName;
import io.faisca.hdfs.WarehouseRoot;
import io.faisca.server.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers in separate processes appending to one table at once: every commit
 * lands (Iceberg retries an append that lost the compare-and-swap), none is
 * lost, and the table's history has one snapshot per INSERT. On a local disk
 * the catalog is an SQLite database; on HDFS, the metadata files themselves.
 */
class ConcurrentWritersTest {
  @TempDir Path dir;

  // Three writers are enough to contend for commits; more only lengthen the build (4 × 40 lost none).
  @Test void threeProcessesOfTwelveInsertsLoseNoCommit() throws Exception {
    writeConcurrently(WarehouseRoot.local(dir), 3, 12);
  }

  @Test void onHdfsThreeProcessesOfEightInsertsLoseNoCommit() throws Exception {
    writeConcurrently(WarehouseRoot.hdfs(dir), 3, 8);
  }

  private static void writeConcurrently(WarehouseRoot warehouse, int writers, int inserts) throws Exception {
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE hits (writer INTEGER NOT NULL, n INTEGER NOT NULL)");
    }
    Path logs = Files.createDirectories(ChildJvm.outputDirectory("writer-logs"));
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      processes.add(new ProcessBuilder(ChildJvm.command("768m", InsertLoop.class,
          List.of(warehouse.location(), "hits", Integer.toString(w), Integer.toString(inserts))))
          .redirectErrorStream(true)
          .redirectOutput(logs.resolve(warehouse + "-writer-" + w + ".log").toFile())
          .start());
    }
    for (Process writer : processes) {
      assertThat(writer.waitFor(10, TimeUnit.MINUTES)).as("writer finished").isTrue();
      assertThat(writer.exitValue()).as("writer's exit status (see target/writer-logs)").isZero();
    }

    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*), COUNT(DISTINCT writer * 1000 + n),"
            + " MIN(n), MAX(n) FROM hits")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(writers * inserts);
      assertThat(rows.getLong(2)).isEqualTo(writers * inserts);
      assertThat(rows.getLong(3)).isZero();
      assertThat(rows.getLong(4)).isEqualTo(inserts - 1);
    }
    Table table = warehouse.open().managedTables().load(TableName.ofDefault("hits")).orElseThrow();
    List<Snapshot> snapshots = new ArrayList<>();
    table.snapshots().forEach(snapshots::add);
    assertThat(snapshots).hasSize(writers * inserts).allMatch(s -> "append".equals(s.operation()));
  }
}
