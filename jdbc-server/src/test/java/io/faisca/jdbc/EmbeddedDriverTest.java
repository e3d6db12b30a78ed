package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.sql.TestWarehouse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded driver as a JDBC program uses it: URLs, statements, parameters, metadata. */
class EmbeddedDriverTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverManager.getConnection(TestWarehouse.url());
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void driverIsFoundByServiceLoading() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:faisca:warehouse=/x")).isInstanceOf(FaiscaDriver.class);
  }

  @Test
  void missingWarehouseIsAConnectionError() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:faisca:master=local[2]"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No warehouse")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void warehouseThatDoesNotExistIsNamed() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:faisca:warehouse=/no/such/dir;master=local[2]"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("/no/such/dir")
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test
  void anotherSparkMasterIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection(
        "jdbc:faisca:warehouse=" + TestWarehouse.path() + ";master=local[1]"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("already runs Spark with master 'local[2]'");
  }

  @Test
  void preparedStatementRunsManyTimesWithDifferentParameters() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, s FROM t WHERE x > ? AND dt >= ? ORDER BY id")) {
      statement.setInt(1, 15);
      statement.setDate(2, Date.valueOf("2024-01-01"));
      assertThat(ids(statement.executeQuery())).containsExactly(2, 5);
      statement.setInt(1, 0);
      statement.setDate(2, Date.valueOf("2024-03-01"));
      assertThat(ids(statement.executeQuery())).containsExactly(5);
    }
  }

  @Test
  void parametersAreTypedByTheirUse() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id FROM t WHERE d = ? OR s = ? OR y = ?")) {
      ParameterMetaData parameters = statement.getParameterMetaData();
      assertThat(parameters.getParameterCount()).isEqualTo(3);
      assertThat(parameters.getParameterType(1)).isEqualTo(Types.DECIMAL);
      assertThat(parameters.getParameterType(2)).isEqualTo(Types.VARCHAR);
      assertThat(parameters.getParameterType(3)).isEqualTo(Types.BIGINT);
      statement.setBigDecimal(1, new BigDecimal("2.25"));
      statement.setString(2, "apple");
      statement.setLong(3, 400L);
      assertThat(ids(statement.executeQuery())).containsExactlyInAnyOrder(1, 2, 4);
    }
  }

  @Test
  void resultMetadataIsKnownBeforeExecution() throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id, d * 2 AS dd, s, dt, COUNT(*) OVER () AS n FROM t")) {
      ResultSetMetaData md = statement.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(5);
      assertThat(md.getColumnLabel(2)).isEqualTo("dd");
      assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
      assertThat(md.getColumnType(2)).isEqualTo(Types.DECIMAL);
      assertThat(md.getPrecision(2)).isEqualTo(21);
      assertThat(md.getScale(2)).isEqualTo(2);
      assertThat(md.getColumnType(3)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(4)).isEqualTo(Types.DATE);
      assertThat(md.getColumnType(5)).isEqualTo(Types.BIGINT);
      assertThat(md.isNullable(5)).isEqualTo(ResultSetMetaData.columnNoNulls);
    }
  }

  @Test
  void valuesArriveInTheirJdbcTypes() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT d, dt, ts, b, f, y FROM t WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("1.50"));
      assertThat(rs.getDate(2)).isEqualTo(Date.valueOf("2024-01-15"));
      assertThat(rs.getTimestamp(3).toString()).isEqualTo("2024-01-15 10:30:00.0");
      assertThat(rs.getBoolean(4)).isTrue();
      assertThat(rs.getDouble(5)).isEqualTo(0.5);
      assertThat(rs.getLong(6)).isEqualTo(100L);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void maxRowsAndFetchSizeAreHonoured() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(4);
      statement.setFetchSize(1);
      try (ResultSet rs = statement.executeQuery("SELECT id FROM t ORDER BY id")) {
        assertThat(ids(rs)).containsExactly(1, 2, 3, 4);
      }
    }
  }

  @Test
  void explainShowsBothPlans() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR SELECT grp, COUNT(*) FROM t GROUP BY grp")) {
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("PLAN");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("== Calcite physical plan ==").contains("SparkAggregate")
          .contains("SparkTableScan(table=[[default, t]]");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("== Spark physical plan ==").contains("HashAggregate");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("== Stages ==\n2 stages (1 shuffle), 0 broadcasts\nshuffle: Exchange")
          .contains("hashpartitioning(");
      assertThat(rs.next()).isFalse();
    }
  }

  /** A broadcast join: its build side is a job of its own, and the stages around it say so. */
  @Test
  void explainCountsTheStagesAndBroadcastsOfAJoin() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR SELECT a.grp, COUNT(*) FROM t a JOIN t b "
            + "ON a.id = b.id GROUP BY a.grp")) {
      String stages = null;
      while (rs.next()) {
        stages = rs.getString(1);
      }
      assertThat(stages).startsWith("== Stages ==\n2 stages (1 shuffle), 1 broadcast\n")
          .containsPattern("(?m)^broadcast: BroadcastExchange");
    }
  }

  @Test
  void anErrorLeavesTheConnectionUsable() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nope")).isInstanceOf(SQLException.class);
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(6);
      }
    }
  }

  @Test
  void closingAResultSetEarlyIsClean() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(1);
      try (ResultSet rs = statement.executeQuery("SELECT a.id FROM t a CROSS JOIN t b CROSS JOIN t c")) {
        assertThat(rs.next()).isTrue();
      }
      try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM u")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(5);
      }
    }
  }

  private static List<Integer> ids(ResultSet rs) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        ids.add(rs.getInt(1));
      }
    }
    return ids;
  }
}
