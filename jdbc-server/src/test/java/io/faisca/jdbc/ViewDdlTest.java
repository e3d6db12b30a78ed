package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.catalog.TableName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views: stored in the Iceberg catalog, their queries planned when they are
 * created and expanded wherever a query names them. Answers are checked
 * against DuckDB running the same view over the table's files.
 */
class ViewDdlTest {
  private static final TableName ITEMS = TableName.ofDefault("items");
  private static final String CHEAP = "SELECT id, name, price FROM items WHERE price < 3";

  @TempDir Path warehouse;
  private Connection connection;
  private Statement statement;

  @BeforeEach void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:faisca:warehouse=" + warehouse + ";master=local[2]");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE TABLE items (id INTEGER NOT NULL, name VARCHAR, price DECIMAL(8, 2))");
    statement.executeUpdate("INSERT INTO items VALUES (1, 'a', 1.50), (2, 'b', 2.50), (3, 'c', 3.50), (4, NULL, NULL)");
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void aViewIsQueriedLikeATable() throws Exception {
    assertThat(statement.executeUpdate("CREATE VIEW cheap AS " + CHEAP)).isZero();
    String query = "SELECT COUNT(*), CAST(SUM(price) AS VARCHAR), MAX(name) FROM cheap WHERE id > 0";
    assertThat(ResultRows.of(statement, query)).containsExactly("2|4.00|b");
    assertThat(SnapshotOracles.duckdb(warehouse, "CREATE VIEW cheap AS " + CHEAP + "; " + query, ITEMS))
        .containsExactly("2|4.00|b");
    try (ResultSet rows = statement.executeQuery("SELECT * FROM cheap")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnName(1)).isEqualTo("id");
      assertThat(columns.getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(columns.getColumnType(3)).isEqualTo(Types.DECIMAL);
      assertThat(columns.getScale(3)).isEqualTo(2);
    }
    // A view reads the table as it is now.
    statement.executeUpdate("INSERT INTO items VALUES (5, 'e', 0.50)");
    assertThat(ResultRows.of(statement, "SELECT id FROM cheap ORDER BY id")).containsExactly("1", "2", "5");
    assertThat(tables("VIEW")).containsExactly("default.cheap");
    assertThat(tables("TABLE")).containsExactly("default.items");
  }

  @Test void columnListsNameTheColumnsAndReplacingChangesTheQuery() throws Exception {
    statement.executeUpdate("CREATE VIEW v (item, cost) AS SELECT id, price * 2 FROM items");
    assertThat(ResultRows.of(statement, "SELECT item, CAST(cost AS VARCHAR) FROM v WHERE item = 2"))
        .containsExactly("2|5.00");
    statement.executeUpdate("CREATE OR REPLACE VIEW v (item, cost) AS SELECT id, price FROM items");
    assertThat(ResultRows.of(statement, "SELECT CAST(cost AS VARCHAR) FROM v WHERE item = 2")).containsExactly("2.50");
    assertThat(statement.executeUpdate("DROP VIEW v")).isZero();
    assertRefused("SELECT * FROM v", "42S02", "'v'");
    assertThat(statement.executeUpdate("DROP VIEW IF EXISTS v")).isZero();
    assertThat(tables("VIEW")).isEmpty();
  }

  @Test void viewsReadViewsAndTablesOfOtherSchemas() throws Exception {
    statement.executeUpdate("CREATE SCHEMA report");
    // Unqualified names in a view's query resolve in the default schema, wherever the view lives.
    statement.executeUpdate("CREATE VIEW report.cheap AS " + CHEAP);
    statement.executeUpdate("CREATE VIEW report.names AS SELECT UPPER(name) AS upper_name FROM report.cheap");
    statement.executeUpdate("CREATE VIEW counted AS SELECT COUNT(*) AS n FROM report.names");
    assertThat(ResultRows.of(statement, "SELECT upper_name FROM report.names ORDER BY 1")).containsExactly("A", "B");
    assertThat(ResultRows.of(statement, "SELECT n FROM counted")).containsExactly("2");
    assertThat(ResultRows.of(statement, "SELECT c.id FROM report.cheap c JOIN items i ON i.id = c.id AND i.id > 1"))
        .containsExactly("2");
    assertThat(tables("VIEW")).containsExactly("default.counted", "report.cheap", "report.names");
  }

  @Test void aViewOverADroppedTableFailsWhenReadNamingBoth() throws Exception {
    statement.executeUpdate("CREATE TABLE extra (x INTEGER)");
    statement.executeUpdate("CREATE VIEW over_extra AS SELECT x FROM extra");
    statement.executeUpdate("CREATE VIEW over_view AS SELECT x FROM over_extra");
    statement.executeUpdate("DROP TABLE extra");
    assertRefused("SELECT * FROM over_view", "42S02", "View 'over_extra' cannot be read: Table 'extra' not found");
    assertThat(ResultRows.of(statement, "SHOW TABLES"))
        .containsExactly("default|items|TABLE", "default|over_extra|VIEW", "default|over_view|VIEW");
  }

  @Test void aViewThatNoLongerFitsItsColumnsSaysSo() throws Exception {
    statement.executeUpdate("CREATE VIEW ids AS SELECT id FROM items");
    statement.executeUpdate("CREATE VIEW priced AS SELECT * FROM items WHERE price IS NOT NULL");
    statement.executeUpdate("ALTER TABLE items ALTER COLUMN id TYPE BIGINT");
    statement.executeUpdate("ALTER TABLE items ADD COLUMN note VARCHAR");
    assertRefused("SELECT * FROM ids", "42000", "column 'id' was INTEGER when the view was created, and its query"
        + " now gives BIGINT");
    assertRefused("SELECT * FROM priced", "42000", "its query now gives 4 columns, where it was created with 3");
    statement.executeUpdate("CREATE OR REPLACE VIEW ids AS SELECT id FROM items");
    assertThat(ResultRows.of(statement, "SELECT SUM(id) FROM ids")).containsExactly("10");
  }

  @Test void aViewThatWouldReadItselfIsRefused() throws Exception {
    statement.executeUpdate("CREATE VIEW first AS SELECT id FROM items");
    statement.executeUpdate("CREATE VIEW second AS SELECT id FROM first");
    assertRefused("CREATE OR REPLACE VIEW first AS SELECT id FROM second", "42000",
        "View 'first' reads itself through view 'second'");
    assertRefused("CREATE OR REPLACE VIEW first AS SELECT id FROM first", "42000", "View 'first' reads itself");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM second")).containsExactly("4");
  }

  @Test void badViewsAreRefusedAndNothingIsStored() throws Exception {
    statement.executeUpdate("CREATE VIEW cheap AS " + CHEAP);
    assertRefused("CREATE VIEW cheap AS SELECT 1 AS x", "42S01", "View 'cheap' already exists");
    assertRefused("CREATE VIEW CHEAP AS SELECT 1 AS x", "42S01", "(as 'cheap')");
    assertRefused("CREATE VIEW items AS SELECT 1 AS x", "42S01", "Table 'items' already exists");
    assertRefused("CREATE OR REPLACE VIEW items AS SELECT 1 AS x", "42S01", "Table 'items' already exists");
    assertRefused("CREATE TABLE cheap (x INTEGER)", "42S01", "View 'cheap' already exists");
    assertRefused("CREATE VIEW v AS SELECT * FROM missing", "42S02", "'missing'");
    assertRefused("CREATE VIEW v AS SELECT nope FROM items", "42S22", "nope");
    assertRefused("CREATE VIEW v (a) AS SELECT id, name FROM items", "42000", "names 1 columns, and its query gives 2");
    assertRefused("CREATE VIEW v AS SELECT i.id, j.id FROM items i, items j", "42000", "two columns named 'id'");
    assertRefused("CREATE VIEW v (a, A) AS SELECT id, name FROM items", "42000", "two columns named 'A'");
    assertRefused("CREATE VIEW v AS SELECT id FROM items WHERE id = ?", "0A000", "parameters");
    assertRefused("CREATE VIEW v AS SELECT 1 AS x FROM raw", "42S02", "'raw'");
    assertRefused("DROP VIEW items", "42809", "'items' is a table, not a view");
    assertRefused("DROP VIEW missing", "42S02", "View 'missing' does not exist");
    assertRefused("DROP TABLE cheap", "42809", "'cheap' is a view");
    assertRefused("INSERT INTO cheap VALUES (1, 'x', 1.00)", "42809", "'cheap' is a view");
    assertRefused("DELETE FROM cheap", "42809", "'cheap' is a view");
    assertThat(tables("VIEW")).containsExactly("default.cheap");
    assertThat(ResultRows.of(statement, "SELECT COUNT(*) FROM cheap")).containsExactly("2");
  }

  private void assertRefused(String sql, String sqlState, String message) {
    assertThatThrownBy(() -> statement.execute(sql)).as(sql)
        .isInstanceOf(SQLException.class).hasMessageContaining(message)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
  }

  private List<String> tables(String type) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {type})) {
      while (rows.next()) {
        assertThat(rows.getString("TABLE_TYPE")).isEqualTo(type);
        names.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
