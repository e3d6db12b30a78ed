package io.faisca.tpch.bench;

import java.util.List;

/** Summary of the measured runs of one query on one engine. */
record QueryStats(double medianMillis, double minMillis, double medianPlanMillis,
    double medianExecuteMillis, long rows, String fingerprint, String error) {

  static QueryStats of(List<Measurement> runs) {
    Measurement last = runs.get(runs.size() - 1);
    return new QueryStats(median(runs.stream().map(Measurement::totalMillis).toList()),
        runs.stream().mapToDouble(Measurement::totalMillis).min().orElseThrow(),
        median(runs.stream().map(Measurement::planMillis).toList()),
        median(runs.stream().map(Measurement::executeMillis).toList()),
        last.rows(), last.fingerprint(), null);
  }

  static QueryStats failed(String error) {
    return new QueryStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, "", error);
  }

  boolean ok() {
    return error == null;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
