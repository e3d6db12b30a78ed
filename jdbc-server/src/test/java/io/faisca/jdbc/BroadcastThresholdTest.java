package io.faisca.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The planner marks a small join input for broadcast only as the session's
 * {@code spark.sql.autoBroadcastJoinThreshold} allows: with Spark's default a
 * small dimension is broadcast, with {@code -1} nothing is.
 */
class BroadcastThresholdTest {
  /** seq (10,000 rows, part = i % 20) joined with u, a table of five rows. */
  private static final String JOIN = "SELECT u.v, COUNT(*) FROM seq JOIN u ON seq.part = u.id GROUP BY u.v ORDER BY u.v";
  /** seq holds 500 rows of each part; u has ids 1 (twice, v 7 and 8), 3 (v 9) and 7 (v 10). */
  private static final List<String> JOIN_ROWS = List.of("7|500", "8|500", "9|500", "10|500");

  private Connection connection;
  private Statement statement;

  @BeforeEach void connect() throws SQLException {
    connection = DriverManager.getConnection(TestWarehouse.url());
    statement = connection.createStatement();
  }

  @AfterEach void close() throws SQLException {
    connection.close();
  }

  @Test void atSparksDefaultThresholdASmallDimensionIsBroadcast() throws SQLException {
    String plan = explain(statement);
    assertThat(calcitePlan(plan)).contains("broadcast=[RIGHT]");
    assertThat(sparkPlan(plan)).contains("BroadcastHashJoin");
    assertThat(ResultRows.of(statement, JOIN)).containsExactlyElementsOf(JOIN_ROWS);
  }

  @Test void withThresholdMinusOneNothingIsBroadcast() throws SQLException {
    statement.execute("SET spark.sql.autoBroadcastJoinThreshold = -1");
    String plan = explain(statement);
    assertThat(calcitePlan(plan)).contains("SparkJoin").doesNotContain("broadcast=");
    assertThat(sparkPlan(plan)).contains("SortMergeJoin").doesNotContain("Broadcast");
    assertThat(ResultRows.of(statement, JOIN)).containsExactlyElementsOf(JOIN_ROWS);
  }

  @Test void aThresholdBelowTheEstimateForcesNoBroadcast() throws SQLException {
    statement.execute("SET spark.sql.autoBroadcastJoinThreshold = 16");
    assertThat(calcitePlan(explain(statement))).contains("SparkJoin").doesNotContain("broadcast=");
  }

  @Test void aPreparedStatementFollowsAThresholdSetAfterIt() throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement("EXPLAIN PLAN FOR " + JOIN)) {
      assertThat(calcitePlan(rows(prepared))).contains("broadcast=[RIGHT]");
      statement.execute("SET spark.sql.autoBroadcastJoinThreshold = -1");
      assertThat(calcitePlan(rows(prepared))).contains("SparkJoin").doesNotContain("broadcast=");
      statement.execute("RESET spark.sql.autoBroadcastJoinThreshold");
      assertThat(calcitePlan(rows(prepared))).contains("broadcast=[RIGHT]");
    }
  }

  private static String explain(Statement statement) throws SQLException {
    return String.join("\n", ResultRows.of(statement, "EXPLAIN PLAN FOR " + JOIN));
  }

  private static String rows(PreparedStatement prepared) throws SQLException {
    try (ResultSet result = prepared.executeQuery()) {
      return String.join("\n", ResultRows.of(result));
    }
  }

  private static String calcitePlan(String explained) {
    assertThat(explained).contains("== Calcite physical plan ==", "== Spark physical plan ==");
    return explained.substring(0, explained.indexOf("== Spark physical plan =="));
  }

  private static String sparkPlan(String explained) {
    return explained.substring(explained.indexOf("== Spark physical plan =="));
  }
}
