package io.faisca.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.faisca.sql.TestWarehouse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server answers over HTTP, and sends results in frames no larger than the client asked for. */
class ServerSmokeTest {
  private static ServerProcess server;

  @BeforeAll static void startServer() {
    server = ServerProcess.start("1g", "--warehouse", TestWarehouse.path().toString(), "--serialization", "json",
        "--spark-conf", "spark.ui.enabled=true", "--spark-conf", "spark.ui.port=0");
  }

  @AfterAll static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test void servesQueriesOverHttp() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("json"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, s FROM t ORDER BY id")) {
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertThat(count).isEqualTo(6);
      assertThat(server.status().connections()).isEqualTo(1);
    }
  }

  /** {@code /status} tells operators where Spark runs: its master, the application, and its web UI, which answers. */
  @Test void statusNamesSparkAndItsWebUi() throws Exception {
    ServerState state = server.status();
    assertThat(state.sparkMaster()).startsWith("local[");
    assertThat(state.sparkApplicationId()).startsWith("local-");
    assertThat(state.sparkExecutors()).isZero();
    assertThat(state.sparkUi()).startsWith("http://");
    HttpResponse<String> jobs = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(state.sparkUi() + "/jobs/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(jobs.statusCode()).isEqualTo(200);
    assertThat(jobs.body()).contains("Spark Jobs");
  }

  @Test void fetchSizeZeroLetsTheServerChoose() throws Exception {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl("json"));
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(0);
      try (ResultSet rows = statement.executeQuery("SELECT i FROM seq")) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        assertThat(count).isEqualTo(10_000);
      }
    }
  }

  @Test void framesHonourTheClientsFetchSize() throws IOException {
    RawHttp raw = new RawHttp(server.baseUrl());
    String connection = "frames-" + UUID.randomUUID();
    ok(raw.post("{\"request\":\"openConnection\",\"connectionId\":\"" + connection + "\",\"info\":{}}"));
    int statement = ok(raw.post("{\"request\":\"createStatement\",\"connectionId\":\"" + connection + "\"}"))
        .path("statementId").asInt();

    JsonNode first = ok(raw.post("{\"request\":\"prepareAndExecute\",\"connectionId\":\"" + connection
        + "\",\"statementId\":" + statement + ",\"sql\":\"SELECT i FROM seq\",\"maxRowCount\":-1,"
        + "\"maxRowsInFirstFrame\":7}")).path("results").path(0).path("firstFrame");
    Set<Long> seen = new HashSet<>();
    JsonNode frame = first;
    assertThat(frame.path("rows").size()).isLessThanOrEqualTo(7);
    collect(frame, seen);
    for (int fetches = 0; !frame.path("done").asBoolean(); fetches++) {
      int asked = fetches < 3 ? 5 : 1000;
      frame = ok(raw.post("{\"request\":\"fetch\",\"connectionId\":\"" + connection + "\",\"statementId\":"
          + statement + ",\"offset\":" + seen.size() + ",\"fetchMaxRowCount\":" + asked + "}")).path("frame");
      assertThat(frame.path("rows").size()).as("rows of fetch %d", fetches).isLessThanOrEqualTo(asked);
      collect(frame, seen);
    }
    assertThat(seen).hasSize(10_000);
    ok(raw.post("{\"request\":\"closeConnection\",\"connectionId\":\"" + connection + "\"}"));
  }

  private static void collect(JsonNode frame, Set<Long> seen) {
    for (JsonNode row : frame.path("rows")) {
      assertThat(seen.add(row.path(0).asLong())).as("row %s sent once", row).isTrue();
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RawHttp.json(response);
  }
}
