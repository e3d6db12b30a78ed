package io.faisca.tpch.bench;

import io.faisca.runtime.SparkSessions;
import java.nio.file.Path;

/** Command-line options of {@code faisca bench-write}. */
record WriteBenchOptions(Path warehouse, String table, int runs, int warmup, String master, Path out) {
  static WriteBenchOptions parse(String[] args) {
    Path warehouse = null;
    String table = "lineitem";
    int runs = 3;
    int warmup = 1;
    String master = SparkSessions.defaultMaster();
    Path out = Path.of("target", "bench");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String value = i + 1 < args.length ? args[++i] : null;
      if (value == null) {
        usage("Missing value for " + option);
      }
      switch (option) {
        case "--warehouse" -> warehouse = Path.of(value);
        case "--table" -> table = value;
        case "--runs" -> runs = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--master" -> master = value;
        case "--out" -> out = Path.of(value);
        default -> usage("Unknown option " + option);
      }
    }
    if (warehouse == null) {
      usage("Missing --warehouse DIR (raw TPC-H tables as written by faisca tpch-gen)");
    }
    if (runs < 1) {
      usage("--runs must be at least 1");
    }
    return new WriteBenchOptions(warehouse, table, runs, warmup, master, out);
  }

  static void usage(String problem) {
    System.err.println(problem);
    System.err.println("Usage: faisca bench-write --warehouse DIR [--table lineitem] [--runs 3] [--warmup 1]"
        + " [--master local[*]] [--out DIR]");
    System.exit(2);
  }
}
