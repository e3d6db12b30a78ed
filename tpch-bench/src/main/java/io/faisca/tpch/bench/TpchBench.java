package io.faisca.tpch.bench;

import io.faisca.runtime.SparkSessions;
import io.faisca.tpch.TpchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code faisca bench}: the 22 TPC-H queries on Faísca (through JDBC), on
 * Spark SQL and on DuckDB, over the same Parquet files in the same run. Each
 * query runs on every engine in turn, warm-up runs first, so all engines see
 * the same machine conditions. With {@code --compare-warehouse DIR}, Faísca
 * also runs every query over that warehouse (say, the same tables loaded as
 * Iceberg tables), as one more engine of the same run.
 */
public final class TpchBench {
  private TpchBench() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path warehouse = Path.of(options.warehouse).toAbsolutePath();
    List<BenchEngine> engines = new ArrayList<>();
    String faiscaUrl = options.url != null ? options.url
        : "jdbc:faisca:warehouse=" + warehouse + ";master=" + options.master;
    engines.add(JdbcEngine.connect("faisca", faiscaUrl));
    if (options.compareWarehouse != null) {
      Path compared = Path.of(options.compareWarehouse).toAbsolutePath();
      engines.add(JdbcEngine.connect("faisca:" + compared.getFileName(),
          "jdbc:faisca:warehouse=" + compared + ";master=" + options.master));
    }
    if (options.peers.contains("spark-sql")) {
      SparkSession spark = SparkSessions.getOrCreate(options.master, Map.of());
      engines.add(new SparkSqlEngine(spark, warehouse));
    }
    if (options.peers.contains("duckdb")) {
      engines.add(duckdb(warehouse));
    }
    BenchReport report = new BenchReport(engines.stream().map(BenchEngine::name).toList());
    for (String query : options.queries) {
      String sql = TpchQueries.text(query);
      Map<String, List<Measurement>> measured = new LinkedHashMap<>();
      Map<String, String> failed = new LinkedHashMap<>();
      for (int run = 0; run < options.warmup + options.runs; run++) {
        for (BenchEngine engine : engines) {
          if (failed.containsKey(engine.name())) {
            continue;
          }
          try {
            Measurement m = engine.run(sql);
            if (run >= options.warmup) {
              measured.computeIfAbsent(engine.name(), e -> new ArrayList<>()).add(m);
            }
          } catch (Exception e) {
            failed.put(engine.name(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
          }
        }
      }
      measured.forEach((engine, runs) -> report.add(query, engine, runs));
      failed.forEach((engine, error) -> report.fail(query, engine, error));
      System.err.printf("%s done%n", query);
    }
    for (BenchEngine engine : engines) {
      engine.close();
    }
    String title = "TPC-H on " + warehouse.getFileName() + ", " + options.runs + " runs after "
        + options.warmup + " warm-up, master " + options.master;
    String markdown = report.markdown(title);
    System.out.println(markdown);
    Files.createDirectories(options.out);
    report.writeCsv(options.out.resolve("tpch-bench.csv"));
    Files.writeString(options.out.resolve("tpch-bench.md"), markdown);
    report.writeSvg(options.out.resolve("tpch-bench.svg"), title);
    System.out.println("Reports written to " + options.out.toAbsolutePath());
    System.exit(0);
  }

  private static JdbcEngine duckdb(Path warehouse) throws Exception {
    JdbcEngine duckdb = JdbcEngine.connect("duckdb", "jdbc:duckdb:");
    try (Statement statement = duckdb.connection().createStatement()) {
      for (String table : List.of("lineitem", "orders", "customer", "part", "partsupp", "supplier", "nation", "region")) {
        statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('"
            + warehouse.resolve(table) + "/*.parquet')");
      }
    }
    return duckdb;
  }

  /** Command-line options. */
  private static final class Options {
    String warehouse;
    String url;
    String compareWarehouse;
    String master = SparkSessions.defaultMaster();
    int runs = 5;
    int warmup = 1;
    List<String> queries = TpchQueries.names();
    List<String> peers = List.of("spark-sql", "duckdb");
    Path out = Path.of("target", "bench");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--warehouse" -> o.warehouse = require(value, args[i++]);
          case "--url" -> o.url = require(value, args[i++]);
          case "--compare-warehouse" -> o.compareWarehouse = require(value, args[i++]);
          case "--master" -> o.master = require(value, args[i++]);
          case "--runs" -> o.runs = Integer.parseInt(require(value, args[i++]));
          case "--warmup" -> o.warmup = Integer.parseInt(require(value, args[i++]));
          case "--queries" -> o.queries = Arrays.asList(require(value, args[i++]).split(","));
          case "--peers" -> o.peers = Arrays.asList(require(value, args[i++]).split(","));
          case "--out" -> o.out = Path.of(require(value, args[i++]));
          default -> usage("Unknown option " + args[i]);
        }
      }
      if (o.warehouse == null) {
        usage("Missing --warehouse DIR (TPC-H tables as written by faisca tpch-gen)");
      }
      return o;
    }

    private static String require(String value, String option) {
      if (value == null) {
        usage("Missing value for " + option);
      }
      return value;
    }

    private static void usage(String problem) {
      System.err.println(problem);
      System.err.println("Usage: faisca bench --warehouse DIR [--runs 5] [--warmup 1] [--queries q01,q02]"
          + " [--peers spark-sql,duckdb|none] [--compare-warehouse DIR] [--master local[*]] [--url JDBC-URL]"
          + " [--out DIR]");
      System.exit(2);
    }
  }
}
