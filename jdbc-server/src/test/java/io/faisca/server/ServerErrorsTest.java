package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faisca.sql.TestWarehouse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors over the wire, from one server with small limits (JSON, so raw
 * requests can be written by hand). After every error the server must go on
 * serving: each test ends by running a query.
 */
class ServerErrorsTest {
  private static final int MAX_REQUEST_BYTES = 200_000;
  private static final int MAX_SQL_LENGTH = 100_000;

  private static ServerProcess server;
  private static RawHttp raw;
  private static Connection remote;

  @BeforeAll static void startServer() throws SQLException {
    server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString(), "--serialization", "json",
        "--max-request-bytes", String.valueOf(MAX_REQUEST_BYTES), "--max-sql-length", String.valueOf(MAX_SQL_LENGTH));
    raw = new RawHttp(server.baseUrl());
    remote = DriverManager.getConnection(server.jdbcUrl("json"));
  }

  @AfterAll static void stopServer() throws SQLException {
    if (remote != null) {
      remote.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The server answers /status and a query on the shared connection: whatever came before did not hurt it. */
  @AfterEach void serverStillServes() throws SQLException {
    assertThat(server.process().isAlive()).as("server process alive").isTrue();
    assertThat(server.status().connections()).isGreaterThanOrEqualTo(1);
    assertThat(countRowsOfT(remote)).isEqualTo(6);
  }

  /** A remote client reads the same SQLState and message the embedded driver gives, and its connection lives on. */
  @Nested class SameErrorsAsEmbedded {
    /**
     * What Avatica's thin client puts before every message from a server
     * (ErrorResponse.toException, in avatica-core): the client's, not ours.
     */
    private static final String THIN_CLIENT_PREFIX = "Remote driver error: ";

    private static Connection embedded;

    @BeforeAll static void openEmbedded() throws SQLException {
      embedded = DriverManager.getConnection(TestWarehouse.url());
    }

    @AfterAll static void closeEmbedded() throws SQLException {
      if (embedded != null) {
        embedded.close();
      }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "42000 | SELECT FROM t",
        "42S02 | SELECT * FROM nope",
        "42S22 | SELECT nope FROM t",
        "22012 | SELECT id / (id - id) FROM t",
        "22003 | SELECT i + 1 FROM big WHERE i > 1",
        "0A000 | INSERT INTO t VALUES (7)"})
    void remoteErrorMatchesEmbedded(String sqlState, String sql) throws SQLException {
      SQLException local = errorOf(embedded, sql);
      SQLException wire = errorOf(remote, sql);

      assertThat(local.getSQLState()).isEqualTo(sqlState);
      assertThat(wire.getSQLState()).isEqualTo(sqlState);
      assertThat(wire.getMessage()).contains(THIN_CLIENT_PREFIX);
      assertThat(wire.getMessage().replace(THIN_CLIENT_PREFIX, "")).isEqualTo(local.getMessage());
      assertThat(countRowsOfT(embedded)).isEqualTo(6);
    }
  }

  /**
   * Ids a client did not get from the server are errors with the standard
   * SQLState: never a result, never a query re-run behind the client's back.
   */
  @Nested class ForgedIds {
    @Test void unknownConnectionIs08003() throws IOException {
      String forged = "forged-" + UUID.randomUUID();
      long jobsBefore = server.status().sparkJobsStarted();

      assertError(raw.post(fetch(forged, 1)), "08003", forged);
      assertError(raw.post(execute(forged, 1)), "08003", forged);
      assertError(raw.post(prepareAndExecute(forged, 1, "SELECT * FROM t")), "08003", forged);

      assertThat(server.status().sparkJobsStarted()).as("Spark jobs started").isEqualTo(jobsBefore);
    }

    @Test void unknownStatementOfARealConnectionIs26000() throws IOException {
      String connection = openRawConnection();
      try {
        long jobsBefore = server.status().sparkJobsStarted();

        assertError(raw.post(fetch(connection, 4242)), "26000", "4242");
        assertError(raw.post(execute(connection, 4242)), "26000", "4242");
        assertError(raw.post(prepareAndExecute(connection, 4242, "SELECT * FROM t")), "26000", "4242");

        assertThat(server.status().sparkJobsStarted()).as("Spark jobs started").isEqualTo(jobsBefore);
      } finally {
        raw.post("{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}");
      }
    }

    /** A closed statement's rows are gone: fetching them again is an error, not a silent re-run. */
    @Test void closedStatementIs26000() throws IOException {
      String connection = openRawConnection();
      try {
        int statement = createRawStatement(connection);
        HttpResponse<String> started = raw.post(prepareAndExecute(connection, statement, "SELECT * FROM t"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        raw.post("{\"request\":\"closeStatement\",\"connectionId\":\"" + connection + "\",\"statementId\":"
            + statement + "}");

        assertError(raw.post(fetch(connection, statement)), "26000", String.valueOf(statement));
      } finally {
        raw.post("{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}");
      }
    }

    /**
     * Connection ids are chosen by clients, so a client may send one already in
     * use. Opening it again must not drop the running connection's state
     * without closing it: its query would hold a running-query slot forever.
     */
    @Test void reopeningAConnectionIdInUseIsRefused() throws IOException {
      String connection = openRawConnection();
      try {
        int statement = createRawStatement(connection);
        HttpResponse<String> started = raw.post(prepareAndExecute(connection, statement, "SELECT * FROM t", 1));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(server.status().runningQueries()).isEqualTo(1);

        HttpResponse<String> reopened = raw.post(openConnection(connection));
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(500);
        assertThat(RawHttp.json(reopened).path("sqlState").asText()).startsWith("08");
      } finally {
        raw.post("{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}");
      }
      assertThat(server.status().runningQueries()).isZero();
    }

    /** A request without a connection id is an unknown connection, not a NullPointerException. */
    @Test void missingConnectionIdIs08003() throws IOException {
      assertError(raw.post("{\"request\":\"createStatement\"}"), "08003", "");
      assertError(raw.post("{\"request\":\"fetch\",\"statementId\":1,\"offset\":0,\"fetchMaxRowCount\":10}"),
          "08003", "");
    }
  }

  /** Bodies that are not Avatica requests get an HTTP error at once: no hang, no dropped connection. */
  @Nested class MalformedBodies {
    @Test void garbageBytes() throws IOException {
      byte[] garbage = new byte[4096];
      new Random(42).nextBytes(garbage);
      assertHttpError(raw.post(garbage));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"request\":\"openConnection\",\"connectionId\":\"ab",
        "{\"request\":\"prepareAndExecute\",\"connectionId\":\"abc\",\"statementId\":1,\"sql\":\"SELECT 1",
        "{\"request\":\"fetch\",\"connectionId\":\"abc\",\"statementId\":\"one\",\"offset\":0}",
        "{\"request\":\"fetch\",\"connectionId\":[\"abc\"],\"statementId\":1}",
        "{\"request\":\"prepareAndExecute\",\"connectionId\":\"abc\",\"statementId\":1,\"sql\":{\"a\":1}}",
        "{\"request\":\"execute\",\"statementHandle\":\"abc\",\"parameterValues\":7}",
        "[1, 2, 3]",
        "null",
        ""})
    void truncatedOrWronglyTypedJson(String body) throws IOException {
      assertHttpError(raw.post(body));
    }

    private void assertHttpError(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 599);
      assertThat(RawHttp.json(response).path("response").asText()).isEqualTo("error");
    }
  }

  /** What --max-request-bytes and --max-sql-length and the nesting limit promise. */
  @Nested class Limits {
    @Test void bodyOverTheLimitIs413() throws IOException {
      HttpResponse<String> response = raw.post(new byte[MAX_REQUEST_BYTES + 1]);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    /** A chunked body declares no length: it is refused as it crosses the limit, still with 413. */
    @Test void chunkedBodyOverTheLimitIs413() throws IOException {
      String sql = "SELECT 1" + "+1".repeat(MAX_REQUEST_BYTES / 2);
      HttpResponse<String> response = raw.postChunked(
          prepareAndExecute("abc", 1, sql).getBytes(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    @Test void statementOverMaxSqlLengthIs54000() {
      String sql = "SELECT 1 FROM t WHERE s = '" + "x".repeat(MAX_SQL_LENGTH) + "'";
      SQLException error = errorOf(remote, sql);
      assertThat(error.getSQLState()).isEqualTo("54000");
      assertThat(error.getMessage()).contains(String.valueOf(MAX_SQL_LENGTH));
    }

    @Test void parenthesesNested500DeepAre54001() {
      String sql = "SELECT " + "(".repeat(500) + "1" + ")".repeat(500) + " FROM t";
      SQLException error = errorOf(remote, sql);
      assertThat(error.getSQLState()).isEqualTo("54001");
      assertThat(error.getMessage()).contains("500");
    }

    /** No parentheses, yet a parse tree 20 000 deep: answered, or refused in words, never a stack overflow. */
    @Test void flatExpressionOf20000Terms() throws SQLException {
      String sql = "SELECT 1" + "+1".repeat(19_999);
      try (Statement statement = remote.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(20_000);
      } catch (SQLException e) {
        assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("54001");
        assertThat(e.getMessage()).doesNotContain("StackOverflow");
      }
    }
  }

  // Helpers

  private static int countRowsOfT(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Runs a statement and reads all its rows: some errors only show while rows are produced. */
  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          while (rows.next()) {
            rows.getObject(1);
          }
        }
      }
    }
  }

  private static SQLException errorOf(Connection connection, String sql) {
    try {
      run(connection, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("No error from " + sql);
  }

  private static void assertError(HttpResponse<String> response, String sqlState, String mentioned) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    JsonNode error = RawHttp.json(response);
    assertThat(error.path("response").asText()).isEqualTo("error");
    assertThat(error.path("sqlState").asText()).as(error.path("errorMessage").asText()).isEqualTo(sqlState);
    assertThat(error.path("errorMessage").asText()).contains(mentioned);
  }

  private static String openRawConnection() throws IOException {
    String id = "raw-" + UUID.randomUUID();
    HttpResponse<String> response = raw.post(openConnection(id));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return id;
  }

  private static int createRawStatement(String connection) throws IOException {
    HttpResponse<String> response = raw.post(
        "{\"request\":\"createStatement\",\"connectionId\":\"" + connection + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RawHttp.json(response).path("statementId").asInt();
  }

  private static String openConnection(String connection) {
    return "{\"request\":\"openConnection\",\"connectionId\":\"" + connection + "\",\"info\":{}}";
  }

  private static String fetch(String connection, int statement) {
    return "{\"request\":\"fetch\",\"connectionId\":\"" + connection + "\",\"statementId\":" + statement
        + ",\"offset\":0,\"fetchMaxRowCount\":100}";
  }

  private static String execute(String connection, int statement) {
    return "{\"request\":\"execute\",\"statementHandle\":{\"connectionId\":\"" + connection + "\",\"id\":"
        + statement + "},\"parameterValues\":[],\"maxRowCount\":100}";
  }

  private static String prepareAndExecute(String connection, int statement, String sql) {
    return prepareAndExecute(connection, statement, sql, -1);
  }

  private static String prepareAndExecute(String connection, int statement, String sql, int firstFrameRows) {
    return "{\"request\":\"prepareAndExecute\",\"connectionId\":\"" + connection + "\",\"statementId\":"
        + statement + ",\"sql\":\"" + sql + "\",\"maxRowCount\":-1,\"maxRowsInFirstFrame\":" + firstFrameRows
        + "}";
  }
}
