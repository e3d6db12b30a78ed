package io.faisca.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.crash.OneStatement;
import io.faisca.server.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user HDFS does not let write a table's directory: reads work, writes fail with {@code 42501} naming
 * the user and the path, and the table is left as it was.
 */
class HdfsPermissionTest {
  @TempDir Path scratch;

  @Test void aWriteHdfsDeniesIsAClearErrorAndChangesNothing() throws Exception {
    WarehouseRoot warehouse = WarehouseRoot.hdfs(scratch);
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE t (id INTEGER)");
      statement.executeUpdate("INSERT INTO t VALUES (1), (2)");
    }
    // The tables belong to this JVM's user and only it may write them (HDFS's default umask 022).
    Path output = Files.createTempFile(scratch, "intruder-", ".log");
    ProcessBuilder intruder = new ProcessBuilder(ChildJvm.command("768m", OneStatement.class, List.of(
        warehouse.url(), "SELECT SUM(id) FROM t", "INSERT INTO t VALUES (3)", "DELETE FROM t WHERE id = 1",
        "DROP TABLE t")))
        .redirectErrorStream(true).redirectOutput(output.toFile());
    intruder.environment().put("HADOOP_USER_NAME", "intruder");
    Process process = intruder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    List<String> results = Files.readAllLines(output).stream()
        .filter(line -> line.startsWith("ok ") || line.startsWith("error ")).toList();
    assertThat(results).hasSize(4);
    assertThat(results.get(0)).isEqualTo("ok 3");
    for (String denied : results.subList(1, 4)) {
      assertThat(denied).startsWith("error 42501").contains("Permission denied").contains("intruder");
    }
    try (Connection connection = DriverManager.getConnection(warehouse.url());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(id) FROM t")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(2);
      assertThat(rows.getLong(2)).isEqualTo(3);
    }
  }
}
