package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.sql.TestWarehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a query can end early stops its Spark work on the server within
 * two seconds, jobs and tasks alike: closing its statement, connection or
 * result set, cancel, a query timeout, a session's statement_timeout, an idle
 * statement expiring, and its client dying.
 */
class ServerCancellationTest {
  /**
   * 10^11 combinations to count: runs far longer than any test waits. Spark stops a task between the
   * rows (or column batches) it reads, never inside generated code; the server reads Parquet a row at a
   * time here, as if the table were large, so that each read is a short step of work.
   */
  static final String ENDLESS = "SELECT COUNT(*) FROM seq a, seq b, seq c WHERE c.i < 1000";
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(2);

  private static ServerProcess server;

  @BeforeAll static void startServer() {
    server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString(),
        "--statement-idle-timeout", "3", "--spark-conf", "spark.sql.parquet.columnarReaderBatchSize=1");
  }

  @AfterAll static void stopServer() {
    server.close();
  }

  @AfterEach void nothingLeftRunning() throws InterruptedException {
    awaitNoSparkJob();
  }

  @Test void closingTheStatementStopsItsJobs() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"))) {
      Statement statement = connection.createStatement();
      CompletableFuture<Void> reading = readInBackground(statement);
      awaitSparkJob();
      statement.close();
      awaitNoSparkJob();
      assertThat(reading).failsWithin(Duration.ofSeconds(10));
    }
  }

  @Test void closingTheConnectionStopsItsJobs() throws Exception {
    Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    CompletableFuture<Void> reading = readInBackground(connection.createStatement());
    awaitSparkJob();
    connection.close();
    awaitNoSparkJob();
    assertThat(reading).failsWithin(Duration.ofSeconds(10));
  }

  @Test void aClientThatDiesHasItsJobsStopped() throws Exception {
    java.nio.file.Files.createDirectories(ChildJvm.outputDirectory("client-logs"));
    Process client = new ProcessBuilder(ChildJvm.command("256m", EndlessQueryClient.class,
        java.util.List.of(server.jdbcUrl("protobuf"), ENDLESS)))
        .redirectErrorStream(true)
        .redirectOutput(ChildJvm.outputDirectory("client-logs").resolve("endless-client.log").toFile())
        .start();
    try {
      awaitSparkJob();
      client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      awaitNoSparkJob();
    } finally {
      client.destroyForcibly();
    }
  }

  @Test void cancelStopsTheQuery() throws Exception {
    try (Connection connection = DriverManager.getConnection(faiscaUrl());
        Statement statement = connection.createStatement()) {
      CompletableFuture<Void> reading = readInBackground(statement);
      awaitSparkJob();
      statement.cancel();
      awaitNoSparkJob();
      assertThat(reading).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
          .havingRootCause().isInstanceOf(SQLException.class).withMessageContaining("cancelled");
      // The statement stays usable.
      try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM seq")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(10_000);
      }
    }
  }

  @Test void closingAResultSetEarlyStopsTheRest() throws Exception {
    try (Connection connection = DriverManager.getConnection(faiscaUrl());
        Statement statement = connection.createStatement()) {
      // Twenty partitions of 50 000 rows; Spark runs a job per partition, when rows are asked for.
      statement.execute("SET spark.sql.files.minPartitionNum = 20");
      statement.setFetchSize(100);
      ResultSet rows = statement.executeQuery("SELECT a.i, b.i FROM seq a, seq b WHERE b.i < 100");
      for (int i = 0; i < 250; i++) {
        assertThat(rows.next()).isTrue();
      }
      rows.close();
      awaitNoSparkJob();
      assertThat(server.status().runningQueries()).isZero();
      long jobsAfterClose = server.status().sparkJobsStarted();
      TimeUnit.MILLISECONDS.sleep(1000);
      assertThat(server.status().sparkJobsStarted()).as("jobs started after the close").isEqualTo(jobsAfterClose);
    }
  }

  @Test void queryTimeoutStopsTheQuery() throws Exception {
    try (Connection connection = DriverManager.getConnection(faiscaUrl());
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      long start = System.nanoTime();
      assertThatThrownBy(() -> readAll(statement.executeQuery(ENDLESS)))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("query timeout of 2 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      awaitNoSparkJob();
    }
  }

  @Test void sessionStatementTimeoutStopsQueriesOfThatSessionOnly() throws Exception {
    try (Connection limited = DriverManager.getConnection(faiscaUrl());
        Connection other = DriverManager.getConnection(faiscaUrl());
        Statement statement = limited.createStatement()) {
      statement.execute("SET statement_timeout = '1s'");
      assertThatThrownBy(() -> readAll(statement.executeQuery(ENDLESS)))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("time limit of 1 s");
      awaitNoSparkJob();
      // The other session has no time limit: the same query is still running after the first one's limit.
      try (Statement unlimited = other.createStatement()) {
        CompletableFuture<Void> reading = readInBackground(unlimited);
        awaitSparkJob();
        TimeUnit.MILLISECONDS.sleep(1500);
        assertThat(reading).isNotDone();
        assertThat(server.status().activeSparkJobs()).isPositive();
        unlimited.cancel();
        awaitNoSparkJob();
      }
    }
  }

  @Test void anIdleStatementExpiresAndItsQueryStops() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = connection.createStatement()) {
      // The client takes the first frame of a long result, then goes quiet: no fetch keeps it alive.
      ResultSet rows = statement.executeQuery("SELECT i FROM seq");
      assertThat(rows.next()).isTrue();
      assertThat(server.status().runningQueries()).isOne();
      long deadline = System.nanoTime() + Duration.ofSeconds(3 + 1).plus(STOPPED_WITHIN).toNanos();
      while (server.status().runningQueries() > 0) {
        assertThat(System.nanoTime()).as("the idle statement expired").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(100);
      }
      awaitNoSparkJob();
      // An expired statement is an error once the rows the client holds run out, never a silent re-run.
      assertThatThrownBy(() -> readAll(rows)).hasMessageContaining("Unknown statement");
    }
  }

  private static String faiscaUrl() {
    return server.jdbcUrl("protobuf").replace("jdbc:avatica:remote:", "jdbc:faisca:remote:");
  }

  private static CompletableFuture<Void> readInBackground(Statement statement) {
    return CompletableFuture.runAsync(() -> {
      try {
        readAll(statement.executeQuery(ENDLESS));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void readAll(ResultSet rows) throws SQLException {
    while (rows.next()) {
      rows.getObject(1);
    }
  }

  private static void awaitSparkJob() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (server.status().activeSparkJobs() == 0) {
      assertThat(System.nanoTime()).as("a Spark job started").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** No Spark job, and no task of one, may be left within two seconds of the query's end. */
  static void awaitNoSparkJob() throws InterruptedException {
    long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
    ServerState state = server.status();
    while (state.activeSparkJobs() > 0 || state.runningSparkTasks() > 0) {
      assertThat(System.nanoTime()).as("Spark jobs and tasks stopped within 2 s: %s", state).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
      state = server.status();
    }
  }
}
