package io.faisca.cli;

import io.faisca.cluster.StandaloneCluster;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code faisca cluster start|stop}: a Spark standalone Master and Workers on this machine, each in a JVM
 * of its own, for {@code --master spark://…} to run on.
 */
public final class ClusterCommand {
  private static final String USAGE = """
      Usage: faisca cluster start [--workers 2] [--cores 1] [--memory 2g] [--port 7077] [--webui-port 8080] [--dir cluster]
             faisca cluster stop [--dir cluster]""";

  private ClusterCommand() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("start", "stop").contains(args[0])) {
      System.err.println(USAGE);
      System.exit(2);
    }
    Path dir = Path.of("cluster");
    int workers = 2;
    int cores = 1;
    String memory = "2g";
    int port = 7077;
    int uiPort = 8080;
    try {
      for (int i = 1; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        switch (args[i++]) {
          case "--dir" -> dir = Path.of(value);
          case "--workers" -> workers = Integer.parseInt(value);
          case "--cores" -> cores = Integer.parseInt(value);
          case "--memory" -> memory = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--webui-port" -> uiPort = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i - 1]);
        }
      }
      if (args[0].equals("stop")) {
        System.out.println(StandaloneCluster.stop(dir) ? "Stopped the cluster of " + dir
            : "No cluster is running from " + dir);
        return;
      }
      StandaloneCluster cluster = StandaloneCluster.start(
          new StandaloneCluster.Options(dir, workers, cores, memory, port, uiPort), classpath(), sparkJvmFlags());
      System.out.println("Spark master: " + cluster.masterUrl());
      System.out.println("Master UI:    " + cluster.masterUi());
      System.out.println("Worker UIs:   " + String.join(" ", cluster.workerUis()));
      System.out.println("Logs:         " + cluster.logs());
      System.out.println("Use it with --master " + cluster.masterUrl() + "; stop it with: faisca cluster stop"
          + (dir.equals(Path.of("cluster")) ? "" : " --dir " + dir));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (IllegalStateException | IOException e) {
      System.err.println("Cannot start the cluster: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * The jars of the cluster's Spark home: a Spark distribution's ({@code faisca.spark.classpath}, the file
   * {@code bin/faisca} points at), else this JVM's class path, less Faísca's own jars.
   */
  private static List<Path> classpath() throws IOException {
    String distribution = System.getProperty("faisca.spark.classpath");
    String classpath = distribution != null && Files.isRegularFile(Path.of(distribution))
        ? Files.readString(Path.of(distribution)).strip() : System.getProperty("java.class.path");
    return Stream.of(classpath.split(File.pathSeparator)).map(Path::of).toList();
  }

  /** The module and reflection flags this JVM was given, which Spark's daemons need as much. */
  public static List<String> sparkJvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--add-opens") || flag.startsWith("--add-exports")
            || flag.equals("-XX:+IgnoreUnrecognizedVMOptions") || flag.startsWith("-Djdk.reflect.")
            || flag.startsWith("-Dio.netty."))
        .toList();
  }
}
