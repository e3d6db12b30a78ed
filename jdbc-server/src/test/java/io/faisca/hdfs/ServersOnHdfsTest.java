package io.faisca.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.server.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers over one warehouse on HDFS, sharing a catalog database ({@code --catalog-uri}): what one
 * writes the other reads, and their concurrent appends all land. The warehouse is reached through a
 * {@code viewfs://} mount that exists only in the servers' {@code --spark-conf spark.hadoop.*} settings,
 * so a catalog or a listing that ignored those settings could not find it.
 */
class ServersOnHdfsTest {
  private static final int INSERTS = 10;
  @TempDir static Path catalogDir;
  private static ServerProcess first;
  private static ServerProcess second;
  private static String hdfsDirectory;

  @BeforeAll static void startServers() {
    hdfsDirectory = MiniHdfs.newDirectory("shared");
    String[] options = {
        "--warehouse", "viewfs://faisca/warehouse",
        "--spark-conf", "spark.hadoop.fs.viewfs.mounttable.faisca.link./warehouse=" + hdfsDirectory,
        "--catalog-uri", "jdbc:sqlite:" + catalogDir.resolve("catalog.db")};
    first = ServerProcess.start("1g", options);
    second = ServerProcess.start("1g", options);
  }

  @AfterAll static void stopServers() {
    for (ServerProcess server : new ServerProcess[] {first, second}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test void whatOneServerWritesTheOtherReadsAndConcurrentAppendsAllLand() throws Exception {
    try (Connection a = DriverManager.getConnection(first.jdbcUrl("protobuf"));
        Connection b = DriverManager.getConnection(second.jdbcUrl("protobuf"));
        Statement onA = a.createStatement();
        Statement onB = b.createStatement()) {
      onA.executeUpdate("CREATE TABLE events (server VARCHAR NOT NULL, n INTEGER NOT NULL)");
      assertThat(onB.executeUpdate("INSERT INTO events VALUES ('b', -1)")).isEqualTo(1);
      assertThat(single(onA, "SELECT COUNT(*) FROM events")).isEqualTo("1");

      CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> appendMany(onA, "a"));
      CompletableFuture<Void> fromB = CompletableFuture.runAsync(() -> appendMany(onB, "b"));
      fromA.get();
      fromB.get();
      String expected = (2 * INSERTS + 1) + "|" + (2 * INSERTS + 1);
      assertThat(single(onA, "SELECT COUNT(*), COUNT(DISTINCT server || CAST(n AS VARCHAR)) FROM events"))
          .isEqualTo(expected);
      assertThat(single(onB, "SELECT COUNT(*), COUNT(DISTINCT server || CAST(n AS VARCHAR)) FROM events"))
          .isEqualTo(expected);
      assertThat(MiniHdfs.fileSystem().exists(new org.apache.hadoop.fs.Path(hdfsDirectory + "/default/events/data")))
          .as("the table's files are on HDFS").isTrue();
    }
  }

  private static void appendMany(Statement statement, String server) {
    try {
      for (int n = 0; n < INSERTS; n++) {
        statement.executeUpdate("INSERT INTO events VALUES ('" + server + "', " + n + ")");
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      List<String> cells = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        cells.add(rows.getString(i));
      }
      return String.join("|", cells);
    }
  }
}
