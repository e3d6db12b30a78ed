package io.faisca.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faisca.jdbc.client.QueryProgress;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/** A statement's running stages, from a Faísca server's {@code POST <server>/progress}. */
final class HttpQueryProgress implements QueryProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerEndpoint progress;
  private final String connectionId;

  HttpQueryProgress(AvaticaConnection connection) {
    this.progress = new ServerEndpoint(connection, "/progress");
    this.connectionId = connection.id;
  }

  @Override public List<Stage> stages(Meta.StatementHandle statement) {
    try {
      JsonNode answer = JSON.readTree(progress.post("connectionId="
          + URLEncoder.encode(connectionId, StandardCharsets.UTF_8) + "&statementId=" + statement.id));
      List<Stage> stages = new ArrayList<>();
      for (JsonNode stage : answer.path("stages")) {
        stages.add(new Stage(stage.path("stage").asInt(), stage.path("tasks").asInt(),
            stage.path("completed").asInt(), stage.path("running").asInt()));
      }
      return stages;
    } catch (IOException | RuntimeException e) {
      // Best effort: no progress shown is better than a query disturbed.
      return List.of();
    }
  }
}
