package io.faisca.tpch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code faisca bench-jdbc --url URL [--url URL2 ...]}: what a client of the
 * JDBC server feels, for each server given (e.g. one serving protobuf, one
 * JSON, on the same warehouse): rows per second fetched for a large result,
 * and the latency (p50, p99) of a trivial query and of a metadata call.
 */
public final class JdbcServerBench {
  private static final String LARGE = "SELECT * FROM lineitem";
  private static final String TRIVIAL = "SELECT 1";

  private JdbcServerBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> urls = new ArrayList<>();
    int runs = 3;
    int calls = 200;
    int fetchSize = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> urls.add(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--fetch-size" -> fetchSize = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + "; usage: bench-jdbc --url URL [--url URL ...] [--runs 3] [--calls 200] [--fetch-size 10000]");
      }
    }
    System.out.println("| server | rows | rows/s (median of " + runs + ") | `" + TRIVIAL + "` p50 / p99 ms"
        + " | getColumns p50 / p99 ms |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    for (String url : urls) {
      try (Connection connection = DriverManager.getConnection(url)) {
        List<Double> rates = new ArrayList<>();
        long rows = 0;
        for (int run = 0; run < runs + 1; run++) {
          long start = System.nanoTime();
          rows = fetchAll(connection, fetchSize);
          double seconds = (System.nanoTime() - start) / 1e9;
          if (run > 0) {
            rates.add(rows / seconds);
          }
        }
        double[] trivial = latencies(calls, () -> fetchAll(connection, 100, TRIVIAL));
        double[] metadata = latencies(calls, () -> {
          try (ResultSet columns = connection.getMetaData().getColumns(null, null, "lineitem", null)) {
            while (columns.next()) {
              columns.getString("COLUMN_NAME");
            }
          }
        });
        System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.1f / %.1f | %.1f / %.1f |%n", url, rows,
            median(rates), trivial[0], trivial[1], metadata[0], metadata[1]);
      }
    }
  }

  private interface Call {
    void run() throws SQLException;
  }

  private static long fetchAll(Connection connection, int fetchSize) throws SQLException {
    return fetchAll(connection, fetchSize, LARGE);
  }

  private static long fetchAll(Connection connection, int fetchSize, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(fetchSize);
      try (ResultSet rows = statement.executeQuery(sql)) {
        int columns = rows.getMetaData().getColumnCount();
        long count = 0;
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            rows.getObject(c);
          }
          count++;
        }
        return count;
      }
    }
  }

  /** p50 and p99 in milliseconds, after as many warm-up calls. */
  private static double[] latencies(int calls, Call call) throws SQLException {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < calls * 2; i++) {
      long start = System.nanoTime();
      call.run();
      if (i >= calls) {
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    Collections.sort(millis);
    return new double[] {percentile(millis, 50), percentile(millis, 99)};
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }
}
