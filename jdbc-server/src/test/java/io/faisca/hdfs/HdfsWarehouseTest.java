package io.faisca.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.jdbc.ResultRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HdfsWarehouseTest {
  @TempDir Path scratch;

  @Test void managedTablesOnHdfs() throws Exception {
    WarehouseRoot root = WarehouseRoot.hdfs(scratch);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement copy = duckdb.createStatement()) {
      copy.execute("COPY (SELECT i::BIGINT AS id, 'n' || i AS name FROM range(1, 101) r(i)) TO '"
          + root.scratchFile("raw.parquet") + "' (FORMAT PARQUET)");
    }
    root.put(root.scratchFile("raw.parquet"), "raw/part-0.parquet");
    try (Connection connection = DriverManager.getConnection(root.url());
        Statement statement = connection.createStatement()) {
      assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM raw")).containsExactly("100");
      assertThat(statement.executeUpdate("CREATE TABLE t AS SELECT * FROM raw WHERE id <= 50")).isEqualTo(50);
      assertThat(statement.executeUpdate("INSERT INTO t VALUES (1000, 'x')")).isEqualTo(1);
      assertThat(statement.executeUpdate("DELETE FROM t WHERE id <= 10")).isEqualTo(10);
      assertThat(statement.executeUpdate("UPDATE t SET name = 'y' WHERE id = 1000")).isEqualTo(1);
      assertThat(ResultRows.of(statement, "SELECT COUNT(*), SUM(id), MAX(name) FROM t")).containsExactly("41|2220|y");
      assertThat(root.exists("default/t/metadata")).isTrue();
      statement.executeUpdate("DROP TABLE t");
      assertThat(root.exists("default/t")).isFalse();
    }
  }

}
