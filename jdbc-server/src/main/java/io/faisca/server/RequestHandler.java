package io.faisca.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.Service.RpcMetadataResponse;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * In front of Avatica's handler: answers {@code GET /status}, {@code POST /cancel} and
 * {@code POST /progress}, refuses bodies larger than the limit (Avatica would read any size into
 * memory), and tells the client tracker which network connection each request came over.
 */
final class RequestHandler extends AbstractHandler implements AvaticaHandler {
  private final AvaticaHandler avatica;
  private final ServerLimits limits;
  private final ClientTracker tracker;
  private final ServerStatus status;
  private final StatementRequests statements;

  RequestHandler(AvaticaHandler avatica, ServerLimits limits, ClientTracker tracker, ServerStatus status,
      StatementRequests statements) {
    this.avatica = avatica;
    this.limits = limits;
    this.tracker = tracker;
    this.status = status;
    this.statements = statements;
  }

  @Override protected void doStart() throws Exception {
    avatica.setServer(getServer());
    avatica.start();
    super.doStart();
  }

  @Override protected void doStop() throws Exception {
    avatica.stop();
    super.doStop();
  }

  @Override public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    if ("GET".equals(request.getMethod()) && "/status".equals(target)) {
      reply(baseRequest, response, HttpServletResponse.SC_OK, "application/json", status.json());
      return;
    }
    if ("POST".equals(request.getMethod()) && "/cancel".equals(target)) {
      Reply answer = statements.cancel(request);
      reply(baseRequest, response, answer.status(), "text/plain", answer.message());
      return;
    }
    if ("POST".equals(request.getMethod()) && "/progress".equals(target)) {
      Reply answer = statements.progress(request);
      reply(baseRequest, response, answer.status(),
          answer.status() == HttpServletResponse.SC_OK ? "application/json" : "text/plain", answer.message());
      return;
    }
    long length = request.getContentLengthLong();
    if (length > limits.maxRequestBytes()) {
      reply(baseRequest, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "text/plain",
          "Request of " + length + " bytes refused: the limit is " + limits.maxRequestBytes() + " bytes");
      return;
    }
    tracker.requestStarted(baseRequest.getHttpChannel().getConnection());
    try {
      avatica.handle(target, baseRequest, new Limited(request, limits.maxRequestBytes()), response);
    } catch (TooLarge e) {
      // A body of undeclared length (chunked) crossed the limit while Avatica read it: still a 413,
      // not the 500 page (with a stack trace) Jetty would make of the exception.
      if (response.isCommitted()) {
        throw e;
      }
      response.reset();
      reply(baseRequest, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "text/plain",
          "Request refused: its body is over the limit of " + limits.maxRequestBytes() + " bytes");
    } finally {
      tracker.requestEnded();
    }
  }

  @Override public void setServerRpcMetadata(RpcMetadataResponse metadata) {
    avatica.setServerRpcMetadata(metadata);
  }

  private static void reply(Request baseRequest, HttpServletResponse response, int code, String type, String body)
      throws IOException {
    response.setStatus(code);
    response.setContentType(type + ";charset=utf-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    baseRequest.setHandled(true);
  }

  /** Thrown when a request body is read past the limit. */
  private static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** A request whose body cannot be read past the limit, whatever its headers claim. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final int maxBytes;

    Limited(HttpServletRequest request, int maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(0, n));
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > maxBytes) {
            throw new TooLarge("Request body over the limit of " + maxBytes + " bytes");
          }
        }

        @Override public boolean isFinished() {
          return in.isFinished();
        }

        @Override public boolean isReady() {
          return in.isReady();
        }

        @Override public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
