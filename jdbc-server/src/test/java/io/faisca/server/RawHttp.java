package io.faisca.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Requests as a broken or hostile client sends them, bypassing the Avatica
 * driver: Avatica JSON (or any bytes) POSTed to the server. Every request has
 * a timeout, so a server that hangs fails the test instead of stalling it.
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final URI uri;

  RawHttp(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
  }

  RawHttp(String baseUrl, SSLContext tls) {
    this(baseUrl, HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(tls).build());
  }

  private RawHttp(String baseUrl, HttpClient client) {
    this.client = client;
    this.uri = URI.create(baseUrl + "/");
  }

  /** POSTs the text as the body, with its length declared. */
  HttpResponse<String> post(String body) throws IOException {
    return post(body.getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs the bytes as the body, with their length declared. */
  HttpResponse<String> post(byte[] body) throws IOException {
    return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** POSTs the bytes chunked, without declaring their length, as a streaming client would. */
  HttpResponse<String> postChunked(byte[] body) throws IOException {
    return send(HttpRequest.newBuilder(uri).POST(
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
  }

  /** POSTs the text with an {@code Authorization: Basic} header for the user and password. */
  HttpResponse<String> postAs(String user, String password, String body) throws IOException {
    String credentials = java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return client.send(request.timeout(TIMEOUT).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of a response as JSON. */
  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
    }
  }
}
