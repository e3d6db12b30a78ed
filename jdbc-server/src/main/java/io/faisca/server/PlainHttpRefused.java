package io.faisca.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the TLS connection factory: a client that speaks plain HTTP to
 * the TLS port gets a plain-text 400 saying so. Jetty alone closes such a
 * connection without a word, and Avatica's thin client takes a connection
 * closed without a response for a server restarting behind a load balancer
 * and retries, forever, so a client configured with http:// instead of
 * https:// would hang instead of failing.
 */
final class PlainHttpRefused extends DetectorConnectionFactory {
  private static final String BODY = "This port speaks HTTPS: connect with https://, not http://\n";
  private static final byte[] RESPONSE = ("HTTP/1.1 400 Bad Request\r\n"
      + "Content-Type: text/plain;charset=utf-8\r\n"
      + "Content-Length: " + BODY.length() + "\r\n"
      + "Connection: close\r\n"
      + "\r\n"
      + BODY).getBytes(StandardCharsets.US_ASCII);

  PlainHttpRefused(SslConnectionFactory tls) {
    super(tls);
  }

  /** Called when the first bytes are not a TLS handshake. */
  @Override protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
    Callback.Completable written = new Callback.Completable();
    endPoint.write(written, ByteBuffer.wrap(RESPONSE));
    written.whenComplete((result, failure) -> endPoint.close());
  }
}
