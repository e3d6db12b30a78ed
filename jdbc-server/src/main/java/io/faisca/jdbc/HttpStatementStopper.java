package io.faisca.jdbc;

import io.faisca.jdbc.client.StatementStopper;
import io.faisca.jdbc.client.StopReason;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * Stops a statement's query on a Faísca server through its cancel endpoint,
 * {@code POST <server>/cancel}, over an HTTP client configured like the
 * connection's own (same authentication, same TLS trust).
 */
final class HttpStatementStopper implements StatementStopper {
  static final String PATH = "/cancel";

  private final ConnectionConfig config;
  private final String connectionId;
  private AvaticaHttpClient client;

  HttpStatementStopper(AvaticaConnection connection) {
    this.config = connection.config();
    this.connectionId = connection.id;
  }

  @Override public void stop(Meta.StatementHandle statement, StopReason reason) {
    String body = "connectionId=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
        + "&statementId=" + statement.id + "&reason=" + reason.name().toLowerCase(Locale.ROOT);
    try {
      client().send(body.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      // Best effort: the query's next fetch still fails or ends, and the server expires idle statements.
    }
  }

  private synchronized AvaticaHttpClient client() {
    if (client == null) {
      client = config.httpClientFactory().getClient(cancelUrl(config.url()), config, null);
    }
    return client;
  }

  static URL cancelUrl(String serverUrl) {
    String base = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    try {
      return new URI(base + PATH).toURL();
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException("Not a server URL: " + serverUrl, e);
    }
  }
}
