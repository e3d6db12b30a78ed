package io.faisca.tpch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results: every run as CSV, and per query the median and
 * minimum per engine with Faísca's ratio to each peer, as a Markdown table and
 * an SVG chart. Ratios below 1 mean Faísca was faster.
 */
final class BenchReport {
  private final List<String> engines;
  private final Map<String, Map<String, List<Measurement>>> runs = new LinkedHashMap<>();
  private final Map<String, Map<String, QueryStats>> stats = new LinkedHashMap<>();

  BenchReport(List<String> engines) {
    this.engines = engines;
  }

  void add(String query, String engine, List<Measurement> measured) {
    runs.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(engine, measured);
    stats.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(engine, QueryStats.of(measured));
  }

  void fail(String query, String engine, String error) {
    stats.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(engine, QueryStats.failed(error));
  }

  String markdown(String title) {
    StringBuilder md = new StringBuilder("## ").append(title).append("\n\n| query |");
    for (String engine : engines) {
      md.append(' ').append(engine).append(" median ms | min ms |");
    }
    String faisca = engines.get(0);
    for (String peer : peers()) {
      md.append(' ').append(faisca).append(" / ").append(peer).append(" |");
    }
    md.append(" rows | plan ms (").append(faisca).append(") | same answer |\n|---|");
    md.append("---:|---:|".repeat(engines.size())).append("---:|".repeat(peers().size())).append("---:|---:|---|\n");
    for (Map.Entry<String, Map<String, QueryStats>> query : stats.entrySet()) {
      Map<String, QueryStats> byEngine = query.getValue();
      md.append("| ").append(query.getKey()).append(" |");
      for (String engine : engines) {
        QueryStats s = byEngine.get(engine);
        md.append(s == null || !s.ok() ? " failed | |" : String.format(Locale.ROOT, " %.0f | %.0f |", s.medianMillis(), s.minMillis()));
      }
      for (String peer : peers()) {
        Double ratio = ratio(byEngine, faisca, peer);
        md.append(ratio == null ? " |" : String.format(Locale.ROOT, " %.2f |", ratio));
      }
      QueryStats own = byEngine.get(faisca);
      md.append(own == null || !own.ok() ? " | |" : String.format(Locale.ROOT, " %d | %.0f |", own.rows(), own.medianPlanMillis()));
      md.append(' ').append(sameAnswer(byEngine)).append(" |\n");
    }
    md.append("\nGeometric mean of the ratio (below 1: Faísca faster):");
    for (String peer : peers()) {
      md.append(String.format(Locale.ROOT, " %s / %s = %.3f;", faisca, peer, geometricMeanRatio(peer)));
    }
    md.append("\n").append(geometricMeans()).append("\n");
    for (Map.Entry<String, Map<String, QueryStats>> query : stats.entrySet()) {
      for (Map.Entry<String, QueryStats> e : query.getValue().entrySet()) {
        if (!e.getValue().ok()) {
          md.append("\n- ").append(query.getKey()).append(" on ").append(e.getKey()).append(" failed: ")
              .append(e.getValue().error());
        }
      }
    }
    return md.append('\n').toString();
  }

  /**
   * Each engine's geometric mean of median times, over the queries every engine answered, so that
   * the means compare (two Faísca warehouses of the same tables, for one).
   */
  private String geometricMeans() {
    double[] logSums = new double[engines.size()];
    int answered = 0;
    for (Map<String, QueryStats> byEngine : stats.values()) {
      if (engines.stream().allMatch(engine -> byEngine.get(engine) != null && byEngine.get(engine).ok())) {
        for (int e = 0; e < engines.size(); e++) {
          logSums[e] += Math.log(byEngine.get(engines.get(e)).medianMillis());
        }
        answered++;
      }
    }
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "Geometric mean of the median times over the %d queries every engine answered:", answered));
    double first = Math.exp(logSums[0] / answered);
    for (int e = 0; e < engines.size(); e++) {
      double mean = Math.exp(logSums[e] / answered);
      md.append(String.format(Locale.ROOT, " %s %.0f ms", engines.get(e), mean));
      md.append(e == 0 ? ";" : String.format(Locale.ROOT, " (%.3f x %s);", mean / first, engines.get(0)));
    }
    return md.toString();
  }

  double geometricMeanRatio(String peer) {
    double logSum = 0;
    int n = 0;
    for (Map<String, QueryStats> byEngine : stats.values()) {
      Double ratio = ratio(byEngine, engines.get(0), peer);
      if (ratio != null) {
        logSum += Math.log(ratio);
        n++;
      }
    }
    return n == 0 ? Double.NaN : Math.exp(logSum / n);
  }

  List<String> peers() {
    return engines.subList(1, engines.size());
  }

  private static Double ratio(Map<String, QueryStats> byEngine, String engine, String peer) {
    QueryStats a = byEngine.get(engine);
    QueryStats b = byEngine.get(peer);
    if (a == null || b == null || !a.ok() || !b.ok() || b.medianMillis() <= 0) {
      return null;
    }
    return a.medianMillis() / b.medianMillis();
  }

  private String sameAnswer(Map<String, QueryStats> byEngine) {
    List<String> differing = new ArrayList<>();
    QueryStats reference = byEngine.get(engines.get(0));
    if (reference == null || !reference.ok()) {
      return "";
    }
    for (String peer : peers()) {
      QueryStats s = byEngine.get(peer);
      if (s != null && s.ok() && !s.fingerprint().equals(reference.fingerprint())) {
        differing.add(peer);
      }
    }
    return differing.isEmpty() ? "yes" : "differs from " + String.join(", ", differing);
  }

  void writeCsv(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("query,engine,run,plan_ms,execute_ms,total_ms,rows,fingerprint\n");
    for (Map.Entry<String, Map<String, List<Measurement>>> query : runs.entrySet()) {
      for (Map.Entry<String, List<Measurement>> engine : query.getValue().entrySet()) {
        int run = 1;
        for (Measurement m : engine.getValue()) {
          csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.1f,%.1f,%d,%s%n", query.getKey(), engine.getKey(),
              run++, m.planMillis(), m.executeMillis(), m.totalMillis(), m.rows(), m.fingerprint()));
        }
      }
    }
    Files.writeString(file, csv);
  }

  void writeSvg(Path file, String title) throws IOException {
    Files.writeString(file, SvgChart.render(title, engines, stats));
  }
}
