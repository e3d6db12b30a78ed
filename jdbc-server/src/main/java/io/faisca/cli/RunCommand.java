package io.faisca.cli;

import io.faisca.jdbc.FaiscaDriver;
import io.faisca.runtime.SparkSessions;
import org.apache.calcite.avatica.AvaticaSqlException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code faisca run SCRIPT}: runs a SQL script without a server, as a batch job does: statements one
 * after the other on the embedded engine (locally or on a cluster), each query's rows as CSV with a
 * header, on standard output or in {@code --output DIR} as {@code line-N.csv} (N: the line the query
 * starts on). The first failing statement stops the run with its line, SQLState and message, and exit
 * status 1; what the statements before it committed stays. The script and the output directory may be
 * URIs of a Hadoop filesystem, for a driver that runs on the cluster.
 */
public final class RunCommand {
  private static final String USAGE = "Usage: faisca run [--warehouse DIR|URI] [--master URL]"
      + " [--spark-conf key=value ...] [--output DIR|URI|-] SCRIPT.sql|URI";

  private RunCommand() {
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command; returns the exit status (0 done, 1 a statement failed, 2 bad arguments). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Properties properties = new Properties();
    properties.setProperty("warehouse", "warehouse");
    properties.setProperty("master", SparkSessions.defaultMaster());
    String output = "-";
    String script = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!option.startsWith("--") || option.equals("-")) {
        if (script != null) {
          return usage(err, "One script at a time: " + script + " and " + option);
        }
        script = option;
        continue;
      }
      if (++i >= args.length) {
        return usage(err, option + " needs a value");
      }
      String value = args[i];
      switch (option) {
        case "--warehouse" -> properties.setProperty("warehouse", value);
        case "--master" -> properties.setProperty("master", value);
        case "--output" -> output = value;
        case "--spark-conf" -> {
          int equals = value.indexOf('=');
          if (equals <= 0) {
            return usage(err, "--spark-conf takes key=value, not " + value);
          }
          properties.setProperty(value.substring(0, equals), value.substring(equals + 1));
        }
        default -> {
          return usage(err, "Unknown option " + option);
        }
      }
    }
    if (script == null) {
      return usage(err, "No script given");
    }
    SqlScript statements;
    try {
      statements = SqlScript.parse(script.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : BatchFiles.read(script));
    } catch (IOException e) {
      err.println("faisca run: cannot read " + script + ": " + e.getMessage());
      return 2;
    }
    return runAll(script, statements, properties, output, out, err);
  }

  private static int runAll(String script, SqlScript statements, Properties properties, String output,
      PrintStream out, PrintStream err) {
    SqlScript.Statement current = null;
    try (Connection connection = DriverManager.getConnection(FaiscaDriver.PREFIX, properties)) {
      for (SqlScript.Statement next : statements.statements()) {
        current = next;
        run(connection, next, output, out, err);
      }
      return 0;
    } catch (SQLException e) {
      String where = current == null ? script : script + ":" + current.line();
      err.println("faisca run: " + where + ": " + e.getSQLState() + " " + message(e, current));
      return 1;
    } catch (IOException e) {
      err.println("faisca run: cannot write the result of " + script + ":" + current.line() + ": " + e.getMessage());
      return 1;
    }
  }

  private static void run(Connection connection, SqlScript.Statement statement, String output, PrintStream out,
      PrintStream err) throws SQLException, IOException {
    try (Statement jdbc = connection.createStatement()) {
      if (!jdbc.execute(statement.sql())) {
        long count = jdbc.getLargeUpdateCount();
        err.println("line " + statement.line() + ": done" + (count > 0 ? ", " + count + " rows" : ""));
        return;
      }
      long rows;
      if (output.equals("-")) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        rows = CsvRows.write(jdbc.getResultSet(), writer);
        writer.flush();
        out.println();
      } else {
        try (Writer writer = BatchFiles.create(output, "line-" + statement.line() + ".csv")) {
          rows = CsvRows.write(jdbc.getResultSet(), writer);
        }
      }
      err.println("line " + statement.line() + ": " + rows + " rows");
    }
  }

  /** The engine's message, without the statement Avatica's client repeats ("Error while executing SQL ..."). */
  private static String message(SQLException e, SqlScript.Statement statement) {
    String message = e instanceof AvaticaSqlException avatica ? avatica.getErrorMessage() : e.getMessage();
    String repeated = statement == null ? null : "Error while executing SQL \"" + statement.sql() + "\": ";
    return repeated != null && message.startsWith(repeated) ? message.substring(repeated.length()) : message;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }
}
