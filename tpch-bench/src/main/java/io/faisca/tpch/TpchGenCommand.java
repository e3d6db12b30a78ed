package io.faisca.tpch;

import io.faisca.runtime.SparkSessions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code faisca tpch-gen --sf N --out DIR [--format parquet|iceberg]}: writes the
 * TPC-H tables as Parquet directories, or loads them as managed Iceberg tables.
 */
public final class TpchGenCommand {
  private TpchGenCommand() {
  }

  public static void main(String[] args) throws Exception {
    double scaleFactor = 1;
    String out = null;
    String format = "parquet";
    String master = SparkSessions.defaultMaster();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sf" -> scaleFactor = Double.parseDouble(value(args, ++i, "--sf"));
        case "--out" -> out = value(args, ++i, "--out");
        case "--format" -> format = value(args, ++i, "--format");
        case "--master" -> master = value(args, ++i, "--master");
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> fail("Unknown option: " + args[i]);
      }
    }
    if (out == null) {
      fail("Missing --out DIR");
    }
    switch (format) {
      case "parquet" -> generate(scaleFactor, out);
      case "iceberg" -> {
        generateIceberg(scaleFactor, out, master);
        // Spark's threads would keep the JVM alive.
        System.exit(0);
      }
      default -> fail("Unknown format: " + format + " (parquet or iceberg)");
    }
  }

  private static void generate(double scaleFactor, String out) throws Exception {
    long start = System.nanoTime();
    long rows = new TpchGenerator(scaleFactor, out, new Configuration())
        .generate(Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "Wrote %,d rows of TPC-H SF %s as Parquet to %s in %.1f s%n",
        rows, scaleFactor, out, (System.nanoTime() - start) / 1e9);
  }

  /** Raw Parquet first, then each table loaded from it with CREATE TABLE AS and its directory removed. */
  private static void generateIceberg(double scaleFactor, String out, String master) throws Exception {
    Configuration conf = new Configuration();
    Path dir = new Path(out);
    dir.getFileSystem(conf).mkdirs(dir);
    TpchIcebergLoader loader = new TpchIcebergLoader(out, conf);
    try (Connection connection = DriverManager.getConnection(TpchIcebergLoader.url(out, master))) {
      loader.dropTables(connection);
      generate(scaleFactor, out);
      long start = System.nanoTime();
      loader.load(connection, table -> System.out.printf(Locale.ROOT,
          "CREATE TABLE %s AS SELECT * FROM %s: %,d rows in %.1f s; raw directory removed%n",
          table.name(), table.name(), table.rows(), table.seconds()));
      System.out.printf(Locale.ROOT, "Loaded the %d tables as Iceberg tables in %.1f s%n",
          TpchIcebergLoader.TABLES.size(), (System.nanoTime() - start) / 1e9);
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      fail("Missing value for " + option);
    }
    return args[i];
  }

  private static void fail(String problem) {
    System.err.println(problem);
    usage();
    System.exit(2);
  }

  private static void usage() {
    System.err.println("Usage: faisca tpch-gen [--sf SCALE_FACTOR] --out DIR [--format parquet|iceberg]"
        + " [--master local[*]]");
  }
}
