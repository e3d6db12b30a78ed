package io.faisca.jdbc.meta;

/**
 * How the Meta serves its clients.
 *
 * @param pollMillis how long a fetch waits for rows before returning what it has; negative to wait
 *     until the frame is full or the query ends (in process, where waiting costs nothing)
 * @param maxRunningQueries how many queries may run at once; more are refused
 * @param remoteClients whether clients are remote: they may not choose the engine's settings
 */
public record MetaSettings(long pollMillis, int maxRunningQueries, boolean remoteClients) {
  /** In process: wait for full frames, no limit beyond Spark's own, the program chose the settings. */
  public static final MetaSettings EMBEDDED = new MetaSettings(-1, Integer.MAX_VALUE, false);
}
