package io.faisca.cli;

import io.faisca.server.ServerCommand;
import java.util.Arrays;

/**
 * The entry point of Faísca's application jar, for {@code spark-submit}: {@code faisca-app.jar server …}
 * serves JDBC clients, {@code run SCRIPT.sql} runs a script as a batch job, {@code sql} opens the shell,
 * each with the options of the {@code bin/faisca} command of that name. Spark's settings, the master among
 * them, are spark-submit's.
 */
public final class Main {
  private static final String USAGE = "Usage: spark-submit [spark options] faisca-app.jar server|run|sql [options]";

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "" : args[0];
    String[] options = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "server" -> ServerCommand.main(options);
      case "run" -> RunCommand.main(options);
      case "sql" -> SqlCommand.main(options);
      default -> {
        System.err.println(command.isEmpty() ? USAGE : "Unknown command: " + command + "\n" + USAGE);
        System.exit(2);
      }
    }
  }
}
