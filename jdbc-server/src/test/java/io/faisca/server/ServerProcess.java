package io.faisca.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
  private final int port;
  private final Path log;
  private final boolean tls;

  private ServerProcess(Process process, int port, Path log, boolean tls) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.tls = tls;
  }

  /** Starts a server: {@code heap} such as "1g", then {@code faisca server} options ({@code --port} is chosen here). */
  public static ServerProcess start(String heap, String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Spark's flags, the time zone, and the test JVM's HotSpot settings (-XX:) apply to the server too.
      if (argument.startsWith("--add-") || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Dio.netty")
          || argument.startsWith("-XX:") || argument.startsWith("-Duser.timezone")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServerCommand.class.getName());
    command.add("--port");
    command.add("0");
    command.add("--master");
    command.add("local[2]");
    command.addAll(List.of(options));
    boolean tls = command.contains("--tls-keystore");
    try {
      Path dir = Path.of(System.getProperty("faisca.test.tmp", "target"), "server-logs");
      Files.createDirectories(dir);
      Path log = Files.createTempFile(dir, "server-", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      int port = awaitPort(process, log);
      return new ServerProcess(process, port, log, tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the server's output until it says which port it serves, copying everything to the log. */
  private static int awaitPort(Process process, Path log) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
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
    try {
      return port.get(3, TimeUnit.MINUTES);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("The server did not start; see " + log, e);
    }
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

  /** Sends SIGTERM and waits for the server to stop; returns its exit code. */
  public int stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
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
