package io.faisca.planner;

/**
 * The session settings a plan depends on, so that the plan follows them as Spark itself would.
 *
 * @param broadcastThresholdBytes Spark's {@code spark.sql.autoBroadcastJoinThreshold}: the largest
 *     join input to broadcast to every task; zero or negative (Spark's {@code -1}) broadcasts none
 */
public record PlannerSettings(long broadcastThresholdBytes) {
  /** Spark's defaults: a 10 MiB broadcast threshold. */
  public static final PlannerSettings DEFAULT = new PlannerSettings(10L * 1024 * 1024);

  /**
   * Sizes are the planner's estimates, from guessed row widths: an input is marked for broadcast when its
   * estimate stays a fifth below the threshold, to leave room for estimation error (8 MiB of Spark's 10).
   */
  private static final double ESTIMATION_MARGIN = 0.8;

  /** Whether the planner may mark a join input for broadcast at all. */
  public boolean broadcasts() {
    return broadcastThresholdBytes > 0;
  }

  /** The largest estimated size of a join input the planner marks for broadcast. */
  public double maxBroadcastEstimateBytes() {
    return broadcasts() ? broadcastThresholdBytes * ESTIMATION_MARGIN : 0;
  }
}
