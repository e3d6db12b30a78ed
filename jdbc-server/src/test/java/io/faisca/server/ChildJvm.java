package io.faisca.server;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a new JVM that runs one of our main classes as
 * {@code bin/faisca} would: this test JVM's class path, and the JVM flags
 * Spark needs that the build gave this JVM.
 */
public final class ChildJvm {
  private ChildJvm() {
  }

  /** {@code java -Xmx<heap> <flags> -cp <class path> <mainClass> <arguments>}. */
  public static List<String> command(String heap, Class<?> mainClass, List<String> arguments) {
    return command(heap, List.of(), mainClass, arguments);
  }

  /** As {@link #command(String, Class, List)}, with more JVM options (such as {@code -Dkey=value}). */
  public static List<String> command(String heap, List<String> jvmOptions, Class<?> mainClass,
      List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // Spark's flags, the time zone, and the test JVM's HotSpot settings (-XX:) apply to the child too.
      if (argument.startsWith("--add-") || argument.startsWith("-Djdk.reflect") || argument.startsWith("-Dio.netty")
          || argument.startsWith("-XX:") || argument.startsWith("-Duser.timezone")) {
        command.add(argument);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(arguments);
    return command;
  }

  /** Where test processes write their output: target/ under the build, or the given directory. */
  public static Path outputDirectory(String name) {
    return Path.of(System.getProperty("faisca.test.tmp", "target"), name);
  }
}
