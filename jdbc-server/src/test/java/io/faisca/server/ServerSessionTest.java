package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session settings belong to one connection: SET in one is never seen by another. */
class ServerSessionTest {
  private static final String AGGREGATE = "EXPLAIN PLAN FOR SELECT grp, COUNT(*) FROM t GROUP BY grp";
  private static final Pattern SHUFFLE_PARTITIONS = Pattern.compile("hashpartitioning\\([^)]*, (\\d+)\\)");

  private static ServerProcess server;

  @BeforeAll static void startServer() {
    server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString());
  }

  @AfterAll static void stopServer() {
    server.close();
  }

  @Test void aSettingChangesOnlyItsOwnConnection() throws Exception {
    try (Connection first = connect(); Connection second = connect()) {
      int serverDefault = shufflePartitions(second);
      int chosen = serverDefault + 3;
      try (Statement statement = first.createStatement()) {
        assertThat(statement.execute("SET spark.sql.shuffle.partitions = " + chosen)).isFalse();
        assertThat(statement.getUpdateCount()).isZero();
      }
      assertThat(shufflePartitions(first)).isEqualTo(chosen);
      assertThat(shufflePartitions(second)).isEqualTo(serverDefault);
      try (Connection later = connect()) {
        assertThat(shufflePartitions(later)).isEqualTo(serverDefault);
      }
      try (Statement statement = first.createStatement()) {
        statement.execute("RESET spark.sql.shuffle.partitions");
      }
      assertThat(shufflePartitions(first)).isEqualTo(serverDefault);
    }
  }

  @Test void manyConnectionsEachKeepTheirOwnSetting() throws Exception {
    List<CompletableFuture<Integer>> seen = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int chosen = 10 + i;
      seen.add(CompletableFuture.supplyAsync(() -> {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
          statement.execute("SET spark.sql.shuffle.partitions = " + chosen);
          int total = 0;
          for (int round = 0; round < 3; round++) {
            total += shufflePartitions(connection);
          }
          return total / 3;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).get()).isEqualTo(10 + i);
    }
  }

  @Test void queriesRunUnderTheSessionsSettings() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET spark.sql.shuffle.partitions = 1");
      try (ResultSet rows = statement.executeQuery("SELECT grp, COUNT(*) AS c FROM t GROUP BY grp ORDER BY grp")) {
        List<String> groups = new ArrayList<>();
        while (rows.next()) {
          groups.add(rows.getString(1) + "=" + rows.getLong(2));
        }
        assertThat(groups).containsExactly("a=2", "b=2", "c=1", "null=1");
      }
    }
  }

  @Test void badSettingsAreClearErrors() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("SET spark.master = 'local'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Unknown setting 'spark.master'")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42704");
      assertThatThrownBy(() -> statement.execute("SET spark.sql.shuffle.partitions = 'many'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("spark.sql.shuffle.partitions")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      assertThatThrownBy(() -> statement.execute("SET statement_timeout = 'soon'"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      assertThatThrownBy(() -> statement.execute("ALTER SYSTEM SET spark.sql.shuffle.partitions = 2"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(6);
      }
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl("protobuf"));
  }

  /** The shuffle partitions of an aggregation, as the Spark plan in EXPLAIN shows them. */
  private static int shufflePartitions(Connection connection) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(AGGREGATE)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    Matcher m = SHUFFLE_PARTITIONS.matcher(plan);
    assertThat(m.find()).as("an exchange in %s", plan).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
