package io.faisca.server;

import java.time.Duration;

/**
 * What the server allows its clients, so one of them cannot take it down.
 *
 * @param maxRunningQueries queries running at once, over all clients
 * @param maxRequestBytes the largest request body accepted
 * @param maxSqlLength the longest statement accepted, in characters
 * @param maxNesting the deepest nesting of parentheses accepted
 * @param pollMillis how long one fetch waits for rows before answering with what it has
 * @param connectionIdle how long a connection may go unused before it is closed
 * @param statementIdle how long a statement may go unused before it is closed
 */
public record ServerLimits(int maxRunningQueries, int maxRequestBytes, int maxSqlLength, int maxNesting,
    long pollMillis, Duration connectionIdle, Duration statementIdle) {

  public static final ServerLimits DEFAULT = new ServerLimits(64, 16 * 1024 * 1024, 1_000_000, 200, 500,
      Duration.ofMinutes(30), Duration.ofMinutes(10));
}
