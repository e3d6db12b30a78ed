package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faisca.sql.TestWarehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a query can end early stops its Spark work on the server within
 * two seconds, jobs and tasks alike, and leaves the server free for the next
 * client: closing its statement, connection or result set, cancel, a query
 * timeout, a session's statement_timeout, an idle statement expiring, and its
 * client dying. Each runs over a query cut to short steps and over a runaway
 * cross join whose every step is long, with the server's default settings.
 */
class ServerCancellationTest {
  /** 10^11 combinations to count, 10^7 for each row read: runs far longer than any test waits. */
  static final String ENDLESS = "SELECT COUNT(*) FROM seq a, seq b, seq c WHERE c.i < 1000";
  /**
   * The accidental cross join: 4 * 10^12 comparisons, in a loop over the 2,000,000 rows of one side for
   * each row of the other. Spark checks for cancellation between the rows it reads, never inside the
   * loop: read in batches of 4096 rows, each step between two checks would take many seconds.
   */
  static final String RUNAWAY = "SELECT COUNT(*) FROM numbers a, numbers b WHERE a.n + b.n < 0";
  private static final Duration STOPPED_WITHIN = Duration.ofSeconds(2);
  private static final Duration NEXT_QUERY_WITHIN = Duration.ofSeconds(5);

  private static ServerProcess server;

  @BeforeAll static void startServer() {
    server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString(),
        "--statement-idle-timeout", "3");
  }

  @AfterAll static void stopServer() {
    server.close();
  }

  @AfterEach void nothingLeftRunning() throws InterruptedException {
    awaitNoSparkJob();
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void closingTheStatementStopsItsJobs(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"))) {
      Statement statement = connection.createStatement();
      CompletableFuture<Void> reading = readInBackground(statement, sql);
      awaitSparkTasks();
      statement.close();
      awaitNothingRunning();
      assertThat(reading).failsWithin(Duration.ofSeconds(10));
      anotherClientIsAnsweredPromptly();
    }
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void closingTheConnectionStopsItsJobs(String sql) throws Exception {
    Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    CompletableFuture<Void> reading = readInBackground(connection.createStatement(), sql);
    awaitSparkTasks();
    connection.close();
    awaitNothingRunning();
    assertThat(reading).failsWithin(Duration.ofSeconds(10));
    anotherClientIsAnsweredPromptly();
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void closingTheStatementThenTheConnectionStopsItsJobs(String sql) throws Exception {
    Connection connection = DriverManager.getConnection(server.jdbcUrl("protobuf"));
    Statement statement = connection.createStatement();
    CompletableFuture<Void> reading = readInBackground(statement, sql);
    awaitSparkTasks();
    statement.close();
    connection.close();
    awaitNothingRunning();
    assertThat(reading).failsWithin(Duration.ofSeconds(10));
    anotherClientIsAnsweredPromptly();
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void aClientKilledHasItsJobsStopped(String sql) throws Exception {
    java.nio.file.Files.createDirectories(ChildJvm.outputDirectory("client-logs"));
    Process client = new ProcessBuilder(ChildJvm.command("256m", EndlessQueryClient.class,
        java.util.List.of(server.jdbcUrl("protobuf"), sql)))
        .redirectErrorStream(true)
        .redirectOutput(ChildJvm.outputDirectory("client-logs").resolve("endless-client.log").toFile())
        .start();
    try {
      awaitSparkTasks();
      client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      awaitNothingRunning();
      anotherClientIsAnsweredPromptly();
    } finally {
      client.destroyForcibly();
    }
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void cancelStopsTheQuery(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(faiscaUrl());
        Statement statement = connection.createStatement()) {
      CompletableFuture<Void> reading = readInBackground(statement, sql);
      awaitSparkTasks();
      statement.cancel();
      awaitNothingRunning();
      assertThat(reading).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
          .havingRootCause().isInstanceOf(SQLException.class).withMessageContaining("cancelled");
      anotherClientIsAnsweredPromptly();
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
      awaitNoJobStartedFor(Duration.ofSeconds(1));
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

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void queryTimeoutStopsTheQuery(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(faiscaUrl());
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      long start = System.nanoTime();
      assertThatThrownBy(() -> readAll(statement.executeQuery(sql)))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("query timeout of 2 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      awaitNothingRunning();
    }
  }

  @ParameterizedTest @ValueSource(strings = {ENDLESS, RUNAWAY})
  void sessionStatementTimeoutStopsQueriesOfThatSessionOnly(String sql) throws Exception {
    try (Connection limited = DriverManager.getConnection(faiscaUrl());
        Connection other = DriverManager.getConnection(faiscaUrl());
        Statement statement = limited.createStatement()) {
      statement.execute("SET statement_timeout = '1s'");
      assertThatThrownBy(() -> readAll(statement.executeQuery(sql)))
          .isInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("time limit of 1 s");
      awaitNothingRunning();
      // The other session has no time limit: the same query is still running after the first one's limit.
      try (Statement unlimited = other.createStatement()) {
        CompletableFuture<Void> reading = readInBackground(unlimited, sql);
        awaitSparkTasks();
        TimeUnit.MILLISECONDS.sleep(1500);
        assertThat(reading).isNotDone();
        awaitSparkJob();
        unlimited.cancel();
        awaitNothingRunning();
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

  /**
   * {@code progress=true} (what {@code faisca sql} sets at a terminal): while a query runs, its stages show
   * on one line of standard error, rewritten in place, and the line is wiped when the query stops.
   */
  @Test void aRunningQueryShowsItsStagesOnTheTerminal() throws Exception {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    Connection connection;
    System.setErr(new PrintStream(terminal, true, StandardCharsets.UTF_8));
    try {
      connection = DriverManager.getConnection(faiscaUrl() + ";progress=true");
    } finally {
      System.setErr(standardError);
    }
    try (connection; Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(5);
      assertThatThrownBy(() -> statement.executeQuery(ENDLESS)).isInstanceOf(SQLException.class)
          .hasMessageContaining("timeout");
    }
    String shown = terminal.toString(StandardCharsets.UTF_8);
    // Running tasks come from Spark's status store, which may not have recorded a task's start yet.
    assertThat(shown).containsPattern("\r\\[Stage \\d+: \\d+/\\d+( \\(\\+\\d+\\))?]").endsWith("\r");
    assertThat(shown.substring(shown.lastIndexOf('\r', shown.length() - 2))).isBlank();
  }

  /** {@code /progress} and {@code /cancel} name a statement: 404 for one the server does not have, 400 for none. */
  @Test void statementRequestsNameAStatement() throws Exception {
    assertThat(post("/progress", "connectionId=nobody&statementId=7")).isEqualTo(404);
    assertThat(post("/cancel", "connectionId=nobody&statementId=7")).isEqualTo(404);
    assertThat(post("/progress", "connectionId=nobody")).isEqualTo(400);
    assertThat(post("/cancel", "connectionId=nobody&statementId=seven")).isEqualTo(400);
  }

  private static int post(String path, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String faiscaUrl() {
    return server.jdbcUrl("protobuf").replace("jdbc:avatica:remote:", "jdbc:faisca:remote:");
  }

  private static CompletableFuture<Void> readInBackground(Statement statement, String sql) {
    return CompletableFuture.runAsync(() -> {
      try {
        readAll(statement.executeQuery(sql));
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

  /** Waits until tasks of the query run, then a while longer: the join's loop, not the broadcast before it. */
  private static void awaitSparkTasks() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (server.status().runningSparkTasks() == 0) {
      assertThat(System.nanoTime()).as("Spark tasks started").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
    TimeUnit.MILLISECONDS.sleep(2000);
  }

  /**
   * Waits for a Spark job of a query that is running. A query may be between two of its jobs for a
   * while: on a loaded machine the driver takes seconds to build the broadcast side of a join.
   */
  private static void awaitSparkJob() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (server.status().activeSparkJobs() == 0) {
      assertThat(System.nanoTime()).as("a Spark job running").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** No query, no Spark job and no task of one may be left within two seconds. */
  private static void awaitNothingRunning() throws InterruptedException {
    long deadline = System.nanoTime() + STOPPED_WITHIN.toNanos();
    ServerState state = server.status();
    while (state.runningQueries() > 0 || state.activeSparkJobs() > 0 || state.runningSparkTasks() > 0) {
      assertThat(System.nanoTime()).as("query, jobs and tasks stopped within 2 s: %s", state).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(50);
      state = server.status();
    }
  }

  /** Waits until no Spark job has started for a while: the queries of earlier tests are all over. */
  private static void awaitNoJobStartedFor(Duration quiet) throws InterruptedException {
    long started = server.status().sparkJobsStarted();
    while (true) {
      TimeUnit.MILLISECONDS.sleep(quiet.toMillis());
      long now = server.status().sparkJobsStarted();
      if (now == started) {
        return;
      }
      started = now;
    }
  }

  /** The cores the query held are free: a new client's small query is answered at once. */
  private static void anotherClientIsAnsweredPromptly() throws Exception {
    long start = System.nanoTime();
    try (Connection other = DriverManager.getConnection(server.jdbcUrl("protobuf"));
        Statement statement = other.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM seq WHERE i % 7 = 0")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(1429);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("another client's query").isLessThan(NEXT_QUERY_WITHIN);
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
