package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import io.faisca.catalog.Warehouse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed table whose files went bad under it: a cut-short data file, a file removed between planning
 * and running, delete files another engine wrote. Each is a clear error naming what is wrong, and the
 * engine keeps serving.
 */
class ManagedTableBadFilesTest {
  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR)");
    statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    statement.executeUpdate("CREATE TABLE ok (id INTEGER)");
    statement.executeUpdate("INSERT INTO ok VALUES (7)");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void aCutShortDataFileIsNamed() throws Exception {
    Path file = dataFiles("t").get(0);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ResultRows.of(statement, "SELECT * FROM t")).isInstanceOf(SQLException.class)
        .hasMessageContaining(file.getFileName().toString())
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("XX001");
    assertThat(ResultRows.of(statement, "SELECT id FROM ok")).containsExactly("7");
  }

  @Test void aFileRemovedBetweenPlanningAndRunningIsNamed() throws Exception {
    try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM t WHERE name <> 'z'")) {
      Path file = dataFiles("t").get(0);
      Files.delete(file);
      assertThatThrownBy(query::executeQuery).isInstanceOf(SQLException.class)
          .hasMessageContaining("does not exist")
          .hasMessageContaining(file.getFileName().toString())
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("XX001");
    }
    assertThat(ResultRows.of(statement, "SELECT id FROM ok")).containsExactly("7");
  }

  @Test void aTableWithDeleteFilesIsRefusedForReadsAndWrites() throws Exception {
    Table table = Warehouse.open(warehouse.toString()).managedTables().load(TableName.ofDefault("t")).orElseThrow();
    Path deletes = Files.writeString(warehouse.resolve("default/t/data/deletes.parquet"), "position deletes");
    DeleteFile deleteFile = FileMetadata.deleteFileBuilder(table.spec()).ofPositionDeletes()
        .withPath(deletes.toUri().toString()).withFileSizeInBytes(Files.size(deletes)).withRecordCount(1)
        .withFormat(org.apache.iceberg.FileFormat.PARQUET).build();
    table.newRowDelta().addDeletes(deleteFile).commit();
    for (String sql : List.of("SELECT * FROM t", "INSERT INTO t VALUES (3, 'c')", "DELETE FROM t WHERE id = 1",
        "UPDATE t SET name = 'x'")) {
      assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
          .hasMessageContaining("Table 't' has Iceberg delete files")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    }
    Table after = Warehouse.open(warehouse.toString()).managedTables().load(TableName.ofDefault("t")).orElseThrow();
    assertThat(after.currentSnapshot().snapshotId()).isEqualTo(table.currentSnapshot().snapshotId());
    assertThat(ResultRows.of(statement, "SELECT id FROM ok")).containsExactly("7");
  }

  private List<Path> dataFiles(String name) {
    return Warehouse.open(warehouse.toString()).table(name).orElseThrow().files().stream()
        .map(file -> Path.of(URI.create(file.path()))).toList();
  }
}
