package io.faisca.cli;

import io.faisca.jdbc.FaiscaDriver;
import io.faisca.jdbc.FaiscaRemoteDriver;
import io.faisca.runtime.SparkSessions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * {@code faisca sql}: sqlline on the embedded engine ({@code --warehouse}) or
 * on a server ({@code --url}). Other options pass through to sqlline.
 */
public final class SqlCommand {
  private SqlCommand() {
  }

  public static void main(String[] args) throws IOException {
    String warehouse = "warehouse";
    String url = null;
    String master = SparkSessions.defaultMaster();
    List<String> sqllineArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warehouse" -> warehouse = value(args, ++i);
        case "--url" -> url = value(args, ++i);
        case "--master" -> master = value(args, ++i);
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> sqllineArgs.add(args[i]);
      }
    }
    if (url == null) {
      url = FaiscaDriver.PREFIX + "warehouse=" + warehouse + ";master=" + master;
      if (System.console() != null) {
        // At a terminal, Spark's progress bar shows a long query's stages as they run: [Stage 3:==>  (12 + 2) / 40].
        url += ";spark.ui.showConsoleProgress=true";
      }
    } else if (url.startsWith(FaiscaRemoteDriver.PREFIX) && System.console() != null && !url.contains("progress=")) {
      // The server's stages, polled while a query runs: [Stage 3: 12/40 (+2)].
      url += ";" + FaiscaRemoteDriver.PROGRESS + "=true";
    }
    List<String> all = new ArrayList<>(List.of("-u", url, "-n", "", "-p", "",
        "--isolation=TRANSACTION_NONE", "--showWarnings=false", "--verbose=false", "--maxWidth=200"));
    all.addAll(sqllineArgs);
    SqlLine.Status status = new SqlLine().begin(all.toArray(String[]::new), null, true);
    System.exit(status == SqlLine.Status.OK ? 0 : 1);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage();
      System.exit(2);
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("Usage: faisca sql [--warehouse DIR|URI] [--master URL] [--url JDBC-URL] [sqlline options, e.g. -f FILE]");
  }
}
