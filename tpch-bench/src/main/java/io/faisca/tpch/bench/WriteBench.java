package io.faisca.tpch.bench;

import io.faisca.catalog.LocalFiles;
import io.faisca.runtime.SparkSessions;
import io.faisca.tpch.TpchIcebergLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code faisca bench-write --warehouse DIR}: how long Faísca takes to write a
 * table, against Spark writing the same rows itself. In one run, alternating,
 * (a) Faísca's {@code CREATE TABLE <table>_copy AS SELECT * FROM <table>}
 * through the embedded driver (the copy dropped after each run) and (b)
 * Spark's own {@code spark.read().parquet(dir).write().parquet(scratch)} on
 * the same Spark session, so both see the same settings and machine
 * conditions. Spark's writer is the benchmark's peer, never the engine.
 * Besides the elapsed time, it reports the CPU time the process spent in each
 * write: on a machine shared with other work, the CPU time varies less.
 */
public final class WriteBench {
  private WriteBench() {
  }

  public static void main(String[] args) throws Exception {
    WriteBenchOptions options = WriteBenchOptions.parse(args);
    Path warehouse = options.warehouse().toAbsolutePath();
    Path source = warehouse.resolve(options.table());
    if (!Files.isDirectory(source)) {
      WriteBenchOptions.usage("No raw directory " + source + " to copy");
    }
    // A hidden name: the warehouse does not list it as a table while Spark writes there.
    Path scratch = warehouse.resolve(".bench-write-spark");
    boolean hadCatalog = Files.exists(warehouse.resolve(".faisca"));
    SparkSession spark = SparkSessions.getOrCreate(options.master(), Map.of());
    String copy = options.table() + "_copy";
    String ctas = "CREATE TABLE " + copy + " AS SELECT * FROM " + options.table();
    List<Timed> faisca = new ArrayList<>();
    List<Timed> sparkWriter = new ArrayList<>();
    long faiscaRows = 0;
    long sparkRows = 0;
    try (Connection connection = DriverManager.getConnection(
        TpchIcebergLoader.url(warehouse.toString(), options.master()));
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + copy);
      for (int run = 0; run < options.warmup() + options.runs(); run++) {
        boolean measured = run >= options.warmup();
        // Each goes first every other run, so neither always finds the other's leftovers (page cache, GC).
        for (int turn = 0; turn < 2; turn++) {
          if ((run + turn) % 2 == 0) {
            Timed.Clock clock = Timed.start();
            faiscaRows = statement.executeLargeUpdate(ctas);
            record(measured, faisca, clock.stop(), "faisca CTAS", run);
            statement.execute("DROP TABLE " + copy);
          } else {
            Timed.Clock clock = Timed.start();
            spark.read().parquet(source.toString()).write().mode("overwrite").parquet(scratch.toString());
            record(measured, sparkWriter, clock.stop(), "spark DataFrameWriter.parquet", run);
            sparkRows = spark.read().parquet(scratch.toString()).count();
            LocalFiles.deleteRecursively(scratch);
          }
        }
      }
    }
    if (!hadCatalog) {
      // The benchmark leaves a warehouse of raw files as it found it.
      LocalFiles.deleteRecursively(warehouse.resolve(".faisca"));
      LocalFiles.deleteRecursively(warehouse.resolve("default"));
    }
    String report = report(options, faisca, sparkWriter, faiscaRows, sparkRows);
    System.out.println(report);
    Files.createDirectories(options.out());
    Files.writeString(options.out().resolve("write-bench.md"), report);
    System.out.println("Report written to " + options.out().toAbsolutePath());
    System.exit(0);
  }

  private static void record(boolean measured, List<Timed> runs, Timed timed, String what, int run) {
    System.err.printf(Locale.ROOT, "run %d%s: %s %.2f s (CPU %.2f s)%n", run + 1, measured ? "" : " (warm-up)",
        what, timed.seconds(), timed.cpuSeconds());
    if (measured) {
      runs.add(timed);
    }
  }

  private static String report(WriteBenchOptions options, List<Timed> faisca, List<Timed> spark,
      long faiscaRows, long sparkRows) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "## Writing %s of %s, %d runs after %d warm-up, master %s%n%n",
        options.table(), options.warehouse().getFileName(), options.runs(), options.warmup(), options.master()));
    md.append("| writer | median s | min s | median CPU s | rows | runs s |\n|---|---:|---:|---:|---:|---|\n");
    md.append(row("Faísca CREATE TABLE AS (Iceberg)", faisca, faiscaRows));
    md.append(row("Spark DataFrameWriter.parquet", spark, sparkRows));
    md.append(String.format(Locale.ROOT, "%nFaísca / Spark: %.2f (median times), %.2f (minimum times),"
        + " %.2f (median CPU times)%s%n",
        Timed.median(faisca, Timed::seconds) / Timed.median(spark, Timed::seconds),
        Timed.min(faisca, Timed::seconds) / Timed.min(spark, Timed::seconds),
        Timed.median(faisca, Timed::cpuSeconds) / Timed.median(spark, Timed::cpuSeconds),
        faiscaRows == sparkRows ? "" : "; the row counts differ"));
    return md.toString();
  }

  private static String row(String writer, List<Timed> runs, long rows) {
    return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %,d | %s |%n", writer,
        Timed.median(runs, Timed::seconds), Timed.min(runs, Timed::seconds), Timed.median(runs, Timed::cpuSeconds),
        rows, String.join(", ", runs.stream().map(t -> String.format(Locale.ROOT, "%.2f", t.seconds())).toList()));
  }

}
