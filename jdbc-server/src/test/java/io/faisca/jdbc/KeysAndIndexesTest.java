package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table definitions of other databases' SQL (the sqllogictest corpus is written in it): the type
 * name TEXT, PRIMARY KEY and UNIQUE constraints, and CREATE/DROP INDEX.
 */
class KeysAndIndexesTest {
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

  @Test void textIsAStringOfAnyLength() throws SQLException {
    statement.executeUpdate("CREATE TABLE t (a TEXT, b text NOT NULL)");
    statement.executeUpdate("INSERT INTO t VALUES ('" + "x".repeat(5000) + "', 'y')");
    try (ResultSet rows = statement.executeQuery("SELECT a, b, CAST(42 AS TEXT) FROM t")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(columns.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).hasSize(5000);
      assertThat(rows.getString(3)).isEqualTo("42");
    }
  }

  @Test void aPrimaryKeyIsNotNullAndBecomesTheIcebergIdentifierFields() throws Exception {
    statement.executeUpdate("CREATE TABLE tab0(pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT)");
    statement.executeUpdate("CREATE TABLE t2 (a INTEGER, b VARCHAR(8), c INTEGER UNIQUE,"
        + " CONSTRAINT k PRIMARY KEY (b, a), UNIQUE (c, a))");
    assertThat(iceberg("tab0").schema().identifierFieldNames()).containsExactly("pk");
    assertThat(iceberg("t2").schema().identifierFieldNames()).containsExactlyInAnyOrder("a", "b");
    assertThat(iceberg("t2").schema().findField("a").isRequired()).isTrue();
    assertThat(iceberg("t2").schema().findField("c").isOptional()).isTrue();
    assertThat(showCreate("t2")).isEqualTo("CREATE TABLE t2 (\n  a INTEGER NOT NULL,\n  b VARCHAR NOT NULL,\n"
        + "  c INTEGER,\n  PRIMARY KEY (a, b)\n)");
    assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO tab0 VALUES (NULL, 1, 1.5, 'a')"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23502");
    assertThatThrownBy(() -> statement.executeUpdate("ALTER TABLE tab0 DROP COLUMN pk"))
        .hasMessageContaining("PRIMARY KEY")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
  }

  @Test void wrongKeysCreateNothing() {
    assertError("CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER PRIMARY KEY)", "42000", "one PRIMARY KEY");
    assertError("CREATE TABLE t (a INTEGER, PRIMARY KEY (z))", "42S22", "'z'");
    assertError("CREATE TABLE t (a INTEGER, UNIQUE (a, z))", "42S22", "'z'");
    assertError("CREATE TABLE t (a DOUBLE PRIMARY KEY)", "0A000", "floating-point");
    assertError("SELECT * FROM t", "42S02", "'t'");
  }

  @Test void indexesAreDeclaredOncePerSchemaAndDroppedByName() throws SQLException {
    statement.executeUpdate("CREATE TABLE tab1 (pk INTEGER PRIMARY KEY, col0 INTEGER, col3 INTEGER)");
    statement.executeUpdate("CREATE TABLE tab2 (pk INTEGER PRIMARY KEY, col0 INTEGER)");
    assertThat(statement.executeUpdate("CREATE INDEX idx_tab1_0 on tab1 (col0)")).isZero();
    statement.executeUpdate("CREATE UNIQUE INDEX idx_tab1_1 ON tab1 (COL3 DESC, col0 ASC)");
    assertThat(iceberg("tab1").properties())
        .containsEntry("faisca.index.idx_tab1_0", "(col0)")
        .containsEntry("faisca.index.idx_tab1_1", "UNIQUE (col3 DESC, col0)");
    assertError("CREATE INDEX IDX_TAB1_0 ON tab2 (col0)", "42S01", "on 'tab1'");
    assertThat(statement.executeUpdate("CREATE INDEX IF NOT EXISTS idx_tab1_0 ON tab2 (col0)")).isZero();
    assertError("CREATE INDEX i ON tab1 (nope)", "42S22", "'nope'");
    assertError("CREATE INDEX i ON missing (col0)", "42S02", "'missing'");

    assertThat(statement.executeUpdate("DROP INDEX idx_tab1_0;")).isZero();
    assertThat(iceberg("tab1").properties()).doesNotContainKey("faisca.index.idx_tab1_0");
    assertError("DROP INDEX idx_tab1_0", "42S02", "'idx_tab1_0'");
    assertThat(statement.executeUpdate("DROP INDEX IF EXISTS idx_tab1_0")).isZero();
    // The index goes with its table.
    statement.executeUpdate("DROP TABLE tab1");
    assertError("DROP INDEX idx_tab1_1", "42S02", "does not exist");
  }

  private String showCreate(String table) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + table)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  private void assertError(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private Table iceberg(String name) {
    return IcebergFiles.table(warehouse, name);
  }
}
