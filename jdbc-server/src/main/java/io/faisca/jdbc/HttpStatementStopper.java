package io.faisca.jdbc;

import io.faisca.jdbc.client.StatementStopper;
import io.faisca.jdbc.client.StopReason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/** Stops a statement's query on a Faísca server through its cancel endpoint, {@code POST <server>/cancel}. */
final class HttpStatementStopper implements StatementStopper {
  private final ServerEndpoint cancel;
  private final String connectionId;

  HttpStatementStopper(AvaticaConnection connection) {
    this.cancel = new ServerEndpoint(connection, "/cancel");
    this.connectionId = connection.id;
  }

  @Override public void stop(Meta.StatementHandle statement, StopReason reason) {
    try {
      cancel.post("connectionId=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
          + "&statementId=" + statement.id + "&reason=" + reason.name().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      // Best effort: the query's next fetch still fails or ends, and the server expires idle statements.
    }
  }
}
