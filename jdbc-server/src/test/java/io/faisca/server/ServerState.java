package io.faisca.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The server's {@code /status} document. */
public record ServerState(int connections, int runningQueries, int activeSparkJobs, int runningSparkTasks,
    long sparkJobsStarted, String sparkMaster, String sparkApplicationId, String sparkUi, int sparkExecutors,
    long heapUsedBytes, long heapMaxBytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ServerState parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new ServerState(node.get("connections").asInt(), node.get("runningQueries").asInt(),
          node.get("activeSparkJobs").asInt(), node.get("runningSparkTasks").asInt(),
          node.get("sparkJobsStarted").asLong(), node.get("sparkMaster").asText(),
          node.get("sparkApplicationId").asText(), node.get("sparkUi").isNull() ? null : node.get("sparkUi").asText(),
          node.get("sparkExecutors").asInt(), node.get("heapUsedBytes").asLong(), node.get("heapMaxBytes").asLong());
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("Not a status document: " + json, e);
    }
  }
}
