package io.faisca.jdbc;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;

/**
 * One of a Faísca server's own endpoints ({@code /cancel}, {@code /progress}), posted to with a form over
 * an HTTP client configured like the connection's own (same authentication, same TLS trust).
 */
final class ServerEndpoint {
  private final ConnectionConfig config;
  private final String path;
  private AvaticaHttpClient client;

  ServerEndpoint(AvaticaConnection connection, String path) {
    this.config = connection.config();
    this.path = path;
  }

  /** Posts a URL-encoded form; returns the answer's body. */
  byte[] post(String form) {
    return client().send(form.getBytes(StandardCharsets.UTF_8));
  }

  private synchronized AvaticaHttpClient client() {
    if (client == null) {
      client = config.httpClientFactory().getClient(url(config.url(), path), config, null);
    }
    return client;
  }

  static URL url(String serverUrl, String path) {
    String base = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    try {
      return new URI(base + path).toURL();
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalArgumentException("Not a server URL: " + serverUrl, e);
    }
  }
}
