package io.faisca.server;

import io.faisca.jdbc.client.StopReason;
import io.faisca.jdbc.meta.FaiscaMeta;
import io.faisca.runtime.StageProgress;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.Meta;

/**
 * Requests about one statement that Avatica's protocol lacks, each a form naming it
 * ({@code connectionId=…&statementId=…}); Faísca's drivers send them. Knowing a connection's random id is
 * what entitles a client to ask about its statements.
 * <ul>
 *   <li>{@code POST /cancel} (and {@code reason=cancel|timeout}) stops the statement's running query;</li>
 *   <li>{@code POST /progress} gives the Spark stages it runs now:
 *       {@code {"stages":[{"stage":3,"tasks":40,"completed":12,"running":2}]}}.</li>
 * </ul>
 */
final class StatementRequests {
  private final FaiscaMeta meta;

  StatementRequests(FaiscaMeta meta) {
    this.meta = meta;
  }

  Reply cancel(HttpServletRequest request) throws IOException {
    Map<String, String> form = Forms.read(request);
    Meta.StatementHandle statement = statement(form);
    if (statement == null) {
      return badRequest();
    }
    StopReason reason = "timeout".equals(form.get("reason")) ? StopReason.TIMEOUT : StopReason.CANCEL;
    return meta.cancel(statement, reason.error())
        ? new Reply(HttpServletResponse.SC_OK, "Stopped (" + reason.name().toLowerCase(Locale.ROOT) + ")")
        : notFound();
  }

  Reply progress(HttpServletRequest request) throws IOException {
    Meta.StatementHandle statement = statement(Forms.read(request));
    if (statement == null) {
      return badRequest();
    }
    return meta.progress(statement).map(stages -> new Reply(HttpServletResponse.SC_OK, json(stages)))
        .orElse(notFound());
  }

  /** The statement a form names, or null when it does not name one. */
  private static Meta.StatementHandle statement(Map<String, String> form) {
    String connectionId = form.get("connectionId");
    try {
      return connectionId == null ? null
          : new Meta.StatementHandle(connectionId, Integer.parseInt(form.getOrDefault("statementId", "")), null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String json(List<StageProgress> stages) {
    return stages.stream()
        .map(stage -> String.format(Locale.ROOT, "{\"stage\":%d,\"tasks\":%d,\"completed\":%d,\"running\":%d}",
            stage.stageId(), stage.tasks(), stage.completed(), stage.running()))
        .collect(Collectors.joining(",", "{\"stages\":[", "]}"));
  }

  private static Reply badRequest() {
    return new Reply(HttpServletResponse.SC_BAD_REQUEST, "connectionId and a numeric statementId are required");
  }

  private static Reply notFound() {
    return new Reply(HttpServletResponse.SC_NOT_FOUND, "No such statement");
  }
}
