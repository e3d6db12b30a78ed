package io.faisca.tpch;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/** {@code faisca tpch-gen --sf N --out DIR}: writes the TPC-H tables as Parquet. */
public final class TpchGenCommand {
  private TpchGenCommand() {
  }

  public static void main(String[] args) throws Exception {
    double scaleFactor = 1;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sf":
          scaleFactor = Double.parseDouble(value(args, ++i, "--sf"));
          break;
        case "--out":
          out = value(args, ++i, "--out");
          break;
        case "-h":
        case "--help":
          usage();
          return;
        default:
          System.err.println("Unknown option: " + args[i]);
          usage();
          System.exit(2);
      }
    }
    if (out == null) {
      System.err.println("Missing --out DIR");
      usage();
      System.exit(2);
    }
    long start = System.nanoTime();
    long rows = new TpchGenerator(scaleFactor, out, new Configuration())
        .generate(Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "Wrote %,d rows of TPC-H SF %s to %s in %.1f s%n",
        rows, scaleFactor, out, (System.nanoTime() - start) / 1e9);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      System.err.println("Missing value for " + option);
      System.exit(2);
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("Usage: faisca tpch-gen [--sf SCALE_FACTOR] --out DIR");
  }
}
