package io.faisca.tpch.bench;

/**
 * One run of one query on one engine.
 *
 * @param planMillis time to plan (prepare) the query, where the engine reports it apart
 * @param executeMillis time to run the query and read every row
 * @param rows rows returned
 * @param fingerprint hash of the rows, values normalized so engines can be compared
 */
public record Measurement(double planMillis, double executeMillis, long rows, String fingerprint) {
  public double totalMillis() {
    return planMillis + executeMillis;
  }
}
