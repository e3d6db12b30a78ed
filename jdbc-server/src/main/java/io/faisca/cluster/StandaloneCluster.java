package io.faisca.cluster;

import io.faisca.catalog.LocalFiles;
import io.faisca.runtime.ExecutorJars;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine: a Master and Workers, each a JVM of its own on loopback, run
 * from a Spark home that {@link #start} assembles in the cluster's directory out of the jars Faísca already
 * has (no Spark download). Workers start executors as further JVMs. Faísca's own classes are not in that
 * home: a driver ships them with each job, as on any cluster. The directory keeps the process ids, so
 * {@link #stop(Path)} works from another process; the logs are under {@code logs/}.
 */
public final class StandaloneCluster {
  private static final String STATE = "cluster.properties";
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  private static final Pattern WORKER_UI = Pattern.compile("\"webuiaddress\"\\s*:\\s*\"([^\"]+)\"");

  private final Options options;
  private final List<String> jvmFlags;
  private final Path dir;
  private final String masterUrl;
  private final String masterUi;
  private final List<String> workerUis;
  /** The Master's, then each Worker's; a restarted Worker's replaces the lost one's. */
  private volatile List<Long> pids;

  private StandaloneCluster(Options options, List<String> jvmFlags, String masterUrl, String masterUi,
      List<String> workerUis, List<Long> pids) {
    this.options = options;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.dir = options.dir().toAbsolutePath();
    this.masterUrl = masterUrl;
    this.masterUi = masterUi;
    this.workerUis = List.copyOf(workerUis);
    this.pids = List.copyOf(pids);
  }

  /** What to start: where, how many Workers with how many cores and how much memory each, on which ports. */
  public record Options(Path dir, int workers, int cores, String memory, int masterPort, int masterUiPort) {
    public Options {
      if (workers < 1 || cores < 1) {
        throw new IllegalArgumentException("A cluster needs at least one worker of at least one core");
      }
    }
  }

  /**
   * Starts a Master and the Workers and returns once every Worker has registered.
   *
   * @param classpath the jars to build the Spark home from (Faísca's own and those it ships are left out)
   * @param jvmFlags flags every daemon JVM gets (the {@code --add-opens} Spark needs on Java 17)
   */
  public static StandaloneCluster start(Options options, List<Path> classpath, List<String> jvmFlags)
      throws IOException, InterruptedException {
    Path dir = options.dir().toAbsolutePath();
    running(dir).ifPresent(url -> {
      throw new IllegalStateException("A cluster started from " + dir + " is running (" + url + "): stop it first");
    });
    Path home = sparkHome(dir, classpath);
    Path logs = Files.createDirectories(dir.resolve("logs"));
    String host = "127.0.0.1";
    String masterUrl = "spark://" + host + ":" + options.masterPort();
    String masterUi = "http://" + host + ":" + options.masterUiPort();
    List<Long> pids = new ArrayList<>();
    try {
      pids.add(launch(home, jvmFlags, logs.resolve("master.log"), List.of("org.apache.spark.deploy.master.Master",
          "--host", host, "--port", Integer.toString(options.masterPort()),
          "--webui-port", Integer.toString(options.masterUiPort()))));
      awaitWorkers(masterUi, n -> n == 0, logs.resolve("master.log"));
      for (int i = 1; i <= options.workers(); i++) {
        pids.add(launchWorker(List.of(), home, jvmFlags, options, masterUrl, i));
      }
      String status = awaitWorkers(masterUi, n -> n == options.workers(), logs.resolve("master.log"));
      StandaloneCluster cluster = new StandaloneCluster(options, jvmFlags, masterUrl, masterUi, workerUis(status),
          pids);
      cluster.saveState();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      stopAll(pids);
      throw e;
    }
  }

  private static long launchWorker(List<String> launcher, Path home, List<String> jvmFlags, Options options,
      String masterUrl, int i) throws IOException {
    Path dir = options.dir().toAbsolutePath();
    Path work = Files.createDirectories(dir.resolve("work").resolve("worker-" + i));
    // A restarted Worker's log follows its predecessor's.
    return launch(launcher, home, jvmFlags, dir.resolve("logs").resolve("worker-" + i + ".log"), List.of(
        "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", Integer.toString(options.cores()),
        "--memory", options.memory(), "--webui-port", "0", "--work-dir", work.toString(), masterUrl));
  }

  /** The JVM of Worker {@code i} (1 to the number of Workers). */
  public ProcessHandle worker(int i) {
    return ProcessHandle.of(pids.get(i)).orElseThrow(() -> new IllegalStateException("Worker " + i + " is not running"));
  }

  /**
   * Starts Worker {@code i} again after its JVM was lost, as an operator restarts a machine's Worker: once
   * the Master has noticed the loss, a new Worker with the same cores and memory registers, and
   * applications waiting for executors get them there.
   */
  public void restartWorker(int i) throws IOException, InterruptedException {
    restartWorker(i, List.of());
  }

  /**
   * Starts Worker {@code i} again through {@code launcher}: a command that runs the Worker's JVM, given as
   * its arguments, in a setting of its own (a file system view, a container); its executors inherit it.
   */
  public synchronized void restartWorker(int i, List<String> launcher) throws IOException, InterruptedException {
    ProcessHandle.of(pids.get(i)).ifPresent(lost -> {
      throw new IllegalStateException("Worker " + i + " still runs (pid " + lost.pid() + ")");
    });
    Path masterLog = logs().resolve("master.log");
    int alive = aliveWorkers(awaitWorkers(masterUi, n -> n < options.workers(), masterLog));
    List<Long> restarted = new ArrayList<>(pids);
    restarted.set(i, launchWorker(launcher, dir.resolve("spark-home"), jvmFlags, options, masterUrl, i));
    pids = List.copyOf(restarted);
    saveState();
    awaitWorkers(masterUi, n -> n == alive + 1, masterLog);
  }

  /** Stops the cluster whose state {@code dir} holds; false when none runs from there. */
  public static boolean stop(Path dir) throws IOException {
    Path state = dir.toAbsolutePath().resolve(STATE);
    if (!Files.exists(state)) {
      return false;
    }
    List<Long> pids = pids(load(state));
    boolean anyAlive = anyAlive(pids);
    stopAll(pids);
    Files.delete(state);
    return anyAlive;
  }

  public void stop() throws IOException {
    stop(dir);
  }

  public String masterUrl() {
    return masterUrl;
  }

  public String masterUi() {
    return masterUi;
  }

  public List<String> workerUis() {
    return workerUis;
  }

  /** The executor JVMs the Workers run now for application {@code appId}, children of the Worker JVMs. */
  public List<ProcessHandle> executors(String appId) {
    return pids.subList(1, pids.size()).stream()
        .flatMap(pid -> ProcessHandle.of(pid).stream())
        .flatMap(ProcessHandle::children)
        .filter(child -> child.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")
            && appId.equals(argument(child, "--app-id")))
        .toList();
  }

  /** The executor JVM of application {@code appId}'s executor {@code id}. */
  public ProcessHandle executor(String appId, String id) {
    return executors(appId).stream()
        .filter(executor -> id.equals(argument(executor, "--executor-id")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No executor " + id + " of " + appId + " runs on this cluster"));
  }

  private static String argument(ProcessHandle process, String option) {
    List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
    int at = arguments.indexOf(option);
    return at >= 0 && at + 1 < arguments.size() ? arguments.get(at + 1) : null;
  }

  public Path logs() {
    return dir.resolve("logs");
  }

  /** The master URL of a cluster running from {@code dir}, if one is. */
  static Optional<String> running(Path dir) throws IOException {
    Path state = dir.resolve(STATE);
    if (!Files.exists(state)) {
      return Optional.empty();
    }
    Properties properties = load(state);
    return anyAlive(pids(properties)) ? Optional.of(properties.getProperty("master")) : Optional.empty();
  }

  private static List<Long> pids(Properties state) {
    return Stream.of(state.getProperty("pids", "").split(",")).filter(pid -> !pid.isBlank())
        .map(Long::parseLong).toList();
  }

  private static boolean anyAlive(List<Long> pids) {
    return pids.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  /**
   * {@code spark-home/jars}: links to the classpath's jars but Faísca's own and those drivers ship
   * ({@link ExecutorJars}), as a Spark distribution would hold Spark and its libraries only.
   */
  private static Path sparkHome(Path dir, List<Path> classpath) throws IOException {
    Path home = dir.resolve("spark-home");
    Path jars = home.resolve("jars");
    LocalFiles.deleteRecursively(home);
    Files.createDirectories(jars);
    Files.createDirectories(home.resolve("conf"));
    Set<String> shipped = new HashSet<>();
    ExecutorJars.paths().forEach(jar -> shipped.add(jar.getFileName().toString()));
    for (Path entry : classpath) {
      String name = entry.getFileName().toString();
      if (Files.isRegularFile(entry) && name.endsWith(".jar") && !name.startsWith("faisca-")
          && !shipped.contains(name) && !Files.exists(jars.resolve(name))) {
        Files.createSymbolicLink(jars.resolve(name), entry.toAbsolutePath());
      }
    }
    return home;
  }

  private static long launch(Path home, List<String> jvmFlags, Path log, List<String> mainAndArgs)
      throws IOException {
    return launch(List.of(), home, jvmFlags, log, mainAndArgs);
  }

  /** Starts a daemon JVM, through {@code launcher} (a command that ends by running its arguments) if given. */
  private static long launch(List<String> launcher, Path home, List<String> jvmFlags, Path log,
      List<String> mainAndArgs) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(home.resolve("conf") + ":" + home.resolve("jars") + "/*");
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // Workers build executor command lines from the Spark home, as in a Spark distribution.
    builder.environment().put("SPARK_HOME", home.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().remove("SPARK_DIST_CLASSPATH");
    return builder.start().pid();
  }

  /** Polls the Master's status until the number of Workers alive is one {@code wanted}; returns the status JSON. */
  private static String awaitWorkers(String masterUi, IntPredicate wanted, Path masterLog)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(masterUi + "/json/")).timeout(Duration.ofSeconds(5))
        .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (aliveWorkers(body) >= 0 && wanted.test(aliveWorkers(body))) {
          return body;
        }
      } catch (IOException notYetUp) {
        // The Master is still starting.
      }
      Thread.sleep(500);
    }
    throw new IOException("The Spark cluster's Workers did not come up within " + STARTUP.toSeconds()
        + " s; see " + masterLog.getParent());
  }

  /** The number of Workers alive in the Master's status JSON, or -1 when it has none yet. */
  private static int aliveWorkers(String status) {
    Matcher alive = ALIVE_WORKERS.matcher(status);
    return alive.find() ? Integer.parseInt(alive.group(1)) : -1;
  }

  private static List<String> workerUis(String status) {
    List<String> uis = new ArrayList<>();
    Matcher ui = WORKER_UI.matcher(status);
    while (ui.find()) {
      uis.add(ui.group(1));
    }
    return uis;
  }

  /** Workers first (each stops its executors), the Master last; a daemon that will not stop is killed. */
  private static void stopAll(List<Long> pids) {
    List<ProcessHandle> handles = new ArrayList<>();
    for (int i = pids.size() - 1; i >= 0; i--) {
      ProcessHandle.of(pids.get(i)).ifPresent(handles::add);
    }
    for (ProcessHandle handle : handles) {
      handle.destroy();
      try {
        handle.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception notStopped) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
      }
    }
  }

  private void saveState() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("master", masterUrl);
    properties.setProperty("master-ui", masterUi);
    properties.setProperty("pids", String.join(",", pids.stream().map(String::valueOf).toList()));
    try (OutputStream out = Files.newOutputStream(dir.resolve(STATE))) {
      properties.store(out, "Faísca's Spark standalone cluster");
    }
  }

  private static Properties load(Path state) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(state)) {
      properties.load(in);
    }
    return properties;
  }

}
