package io.faisca.jdbc.meta;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What running queries share: the threads that pull rows from Spark, the
 * timer that cancels queries over their time limit, and how long a fetch
 * waits for rows (negative: until its frame is full or the query ends).
 */
record Streaming(Executor producers, ScheduledExecutorService timer, long pollMillis) {
}
