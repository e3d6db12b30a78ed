package io.faisca.server;

import io.faisca.jdbc.client.StopReason;
import io.faisca.jdbc.meta.FaiscaMeta;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.Meta;

/**
 * {@code POST /cancel} with {@code connectionId=…&statementId=…&reason=cancel|timeout}: stops a
 * statement's running query. Avatica's protocol has no cancel request; Faísca's drivers use this one.
 * Knowing a connection's random id is what entitles a client to cancel its statements.
 */
final class CancelRequests {
  private static final int MAX_BODY = 4096;

  private final FaiscaMeta meta;

  CancelRequests(FaiscaMeta meta) {
    this.meta = meta;
  }

  /** Returns the HTTP status and a one-line answer. */
  Reply handle(HttpServletRequest request) throws IOException {
    Map<String, String> form = form(request);
    String connectionId = form.get("connectionId");
    String statementId = form.get("statementId");
    StopReason reason = "timeout".equals(form.get("reason")) ? StopReason.TIMEOUT : StopReason.CANCEL;
    if (connectionId == null || statementId == null) {
      return new Reply(HttpServletResponse.SC_BAD_REQUEST, "connectionId and statementId are required");
    }
    int id;
    try {
      id = Integer.parseInt(statementId);
    } catch (NumberFormatException e) {
      return new Reply(HttpServletResponse.SC_BAD_REQUEST, "statementId is a number");
    }
    boolean found = meta.cancel(new Meta.StatementHandle(connectionId, id, null), reason.error());
    return found
        ? new Reply(HttpServletResponse.SC_OK, "Stopped (" + reason.name().toLowerCase(Locale.ROOT) + ")")
        : new Reply(HttpServletResponse.SC_NOT_FOUND, "No such statement");
  }

  private static Map<String, String> form(HttpServletRequest request) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY);
    }
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  record Reply(int status, String message) {
  }
}
