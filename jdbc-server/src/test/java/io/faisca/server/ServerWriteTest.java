package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL, writes and questions about the catalog through a server and Avatica's plain driver: update
 * counts, result sets and SQLStates over the wire.
 */
class ServerWriteTest {
  @TempDir static Path warehouse;
  @TempDir static Path tables;
  private static ServerProcess server;

  @BeforeAll static void startServer() {
    server = ServerProcess.start("1g", "--warehouse", warehouse.toString(), "--location-root", tables.toString());
  }

  @AfterAll static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test void aTableIsCreatedWrittenChangedAndDroppedRemotely() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      assertThat(statement.executeUpdate("CREATE TABLE t (id INTEGER NOT NULL, v VARCHAR)")).isZero();
      assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)")).isEqualTo(3);
      assertThat(statement.executeUpdate("INSERT INTO t SELECT id + 10, v FROM t")).isEqualTo(3);
      assertThat(statement.executeUpdate("UPDATE t SET v = 'z' WHERE v IS NULL")).isEqualTo(2);
      assertThat(statement.executeUpdate("DELETE FROM t WHERE id > 12")).isEqualTo(1);
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(id), MIN(v), MAX(v) FROM t")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(5);
        assertThat(rows.getLong(2)).isEqualTo(1 + 2 + 3 + 11 + 12);
        assertThat(rows.getString(3)).isEqualTo("a");
        assertThat(rows.getString(4)).isEqualTo("z");
      }
      assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE t (x INTEGER)"))
          .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S01");
      assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO t (v) VALUES ('no id')"))
          .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23502");
      assertThat(statement.executeUpdate("DROP TABLE t")).isZero();
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM t"))
          .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42S02");
    }
  }

  @Test void aTableIsPlacedInsideALocationRootRemotely() throws Exception {
    Path location = tables.resolve("placed");
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE placed (id INTEGER) LOCATION '" + location + "'");
      assertThat(statement.executeUpdate("INSERT INTO placed VALUES (1), (2)")).isEqualTo(2);
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM placed")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(2);
      }
      assertThat(location.resolve("metadata")).isDirectory();
      assertThat(location.resolve("data")).isDirectory();
      assertThatThrownBy(() -> statement.executeUpdate("CREATE TABLE outside (id INTEGER) LOCATION '"
          + tables.resolveSibling("outside") + "'"))
          .isInstanceOf(SQLException.class).hasMessageContaining(tables.toString())
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
      assertThat(statement.executeUpdate("DROP TABLE placed")).isZero();
      assertThat(location).doesNotExist();
    }
  }

  @Test void schemasViewsAndCatalogQueriesWorkRemotely() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE SCHEMA shop");
      statement.executeUpdate("CREATE TABLE shop.t (id INTEGER NOT NULL, v VARCHAR)");
      statement.executeUpdate("INSERT INTO shop.t VALUES (1, 'a'), (2, 'b')");
      assertThat(statement.executeUpdate("ALTER TABLE shop.t RENAME COLUMN v TO w")).isZero();
      statement.executeUpdate("CREATE VIEW shop.v AS SELECT w FROM shop.t");
      try (ResultSet rows = statement.executeQuery("SHOW TABLES FROM shop")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("table_name")).isEqualTo("t");
        assertThat(rows.getString("table_type")).isEqualTo("TABLE");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("table_name")).isEqualTo("v");
        assertThat(rows.next()).isFalse();
      }
      assertThat(statement.execute("DESCRIBE shop.t")).isTrue();
      try (ResultSet rows = statement.getResultSet()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("column_name")).isEqualTo("id");
        assertThat(rows.getBoolean("nullable")).isFalse();
        assertThat(rows.getString("partitioning")).isNull();
      }
      try (ResultSet rows = statement.executeQuery("SELECT w FROM shop.v ORDER BY w")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("a");
      }
      assertThatThrownBy(() -> statement.executeUpdate("DROP SCHEMA shop"))
          .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("2BP01");
      assertThat(statement.executeUpdate("DROP SCHEMA shop CASCADE")).isZero();
    }
  }
}
