package io.faisca.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faísca server in its own JVM, started through {@link ServerCommand} as
 * {@code bin/faisca server} starts it, on a free port. Its output goes to a
 * log file under target/; {@link #close} stops it with SIGTERM.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("on port (\\d+)");

  private final Process process;
  private final Thread output;
  private final int port;
  private final Path log;
  private final boolean tls;

  private ServerProcess(Process process, Thread output, int port, Path log, boolean tls) {
    this.process = process;
    this.output = output;
    this.port = port;
    this.log = log;
    this.tls = tls;
  }

  /** Starts a server: {@code heap} such as "1g", then {@code faisca server} options ({@code --port} is chosen here). */
  public static ServerProcess start(String heap, String... options) {
    return start(heap, List.of(), Map.of(), options);
  }

  /** As {@link #start(String, String...)}, with more JVM options and environment variables for the server. */
  public static ServerProcess start(String heap, List<String> jvmOptions, Map<String, String> environment,
      String... options) {
    List<String> arguments = new ArrayList<>(List.of("--port", "0", "--master", "local[2]"));
    arguments.addAll(List.of(options));
    List<String> command = ChildJvm.command(heap, jvmOptions, ServerCommand.class, arguments);
    boolean tls = command.contains("--tls-keystore");
    try {
      Path dir = ChildJvm.outputDirectory("server-logs");
      Files.createDirectories(dir);
      Path log = Files.createTempFile(dir, "server-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      Process process = builder.start();
      // A server a failed test left running must not outlive the test JVM (and hold memory on a shared machine).
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-server-" + process.pid()));
      CompletableFuture<Integer> port = new CompletableFuture<>();
      Thread output = copyOutput(process, log, port);
      try {
        return new ServerProcess(process, output, port.get(3, TimeUnit.MINUTES), log, tls);
      } catch (Exception e) {
        process.destroyForcibly();
        throw new IllegalStateException("The server did not start; see " + log, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the server's output to the log, completing {@code port} when the server says which port it serves. */
  private static Thread copyOutput(Process process, Path log, CompletableFuture<Integer> port) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Thread copier = new Thread(() -> {
      try (var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = out.readLine()) != null) {
          writer.write(line);
          writer.newLine();
          writer.flush();
          Matcher m = SERVING.matcher(line);
          if (!port.isDone() && line.startsWith("Faísca is serving") && m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("The server stopped before serving; see " + log));
    }, "server-output");
    copier.setDaemon(true);
    copier.start();
    return copier;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return (tls ? "https" : "http") + "://localhost:" + port;
  }

  /** The Avatica thin-client URL, with extra {@code key=value} settings appended. */
  public String jdbcUrl(String serialization, String... settings) {
    StringBuilder url = new StringBuilder("jdbc:avatica:remote:url=").append(baseUrl())
        .append(";serialization=").append(serialization);
    for (String setting : settings) {
      url.append(';').append(setting);
    }
    return url.toString();
  }

  public Path log() {
    return log;
  }

  public Process process() {
    return process;
  }

  /** The server's {@code /status} document (JSON), read over plain HTTP. */
  public ServerState status() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUrl() + "/status")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return ServerState.parse(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM and waits for the server to stop and its last output to reach the log; returns its exit code. */
  public int stop() {
    // Not process.destroy(): it closes our end of the server's output at once, losing all it says while stopping.
    process.toHandle().destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      output.join(TimeUnit.SECONDS.toMillis(10));
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return -1;
    }
  }

  @Override public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
