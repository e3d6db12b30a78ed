package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.QueryExecution;
import io.faisca.runtime.SparkErrors;
import io.faisca.runtime.StageProgress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.Meta;
import org.apache.spark.sql.Row;

/**
 * The rows of one running query, on their way to a client. A producer thread
 * pulls rows from Spark once the client has asked for some, and reads ahead
 * at most one frame (of the size the client last asked for): while the
 * client decodes a frame, the next one is being read, yet a client that stops
 * asking holds no more than one frame here. A fetch waits at most {@code
 * pollMillis} for rows: over HTTP it then returns what it has (perhaps
 * nothing, not done) and the client asks again, so requests stay short and a
 * client that goes away is noticed between them.
 */
final class ResultStream implements AutoCloseable {
  /** Rows taken from Spark in one go: a fetch waiting for its first rows gets them this soon. */
  private static final int MAX_BATCH = 1024;

  private final QueryExecution execution;
  private final long maxRows;
  private final Runnable onEnd;
  private final Object lock = new Object();
  private final ArrayDeque<Object> buffer = new ArrayDeque<>();
  private int wanted;
  private long produced;
  private long delivered;
  private boolean finished;
  private boolean closed;
  private boolean inSpark;
  private boolean ended;
  private RuntimeException failure;
  private FaiscaException stopReason;
  private ScheduledFuture<?> timeLimit;
  /** The thread pulling rows from Spark, while it runs. */
  private Thread producer;

  /**
   * @param onEnd run once when the query ends: all rows produced, failed, or closed
   */
  ResultStream(QueryExecution execution, long maxRows, Executor producers, Runnable onEnd) {
    this.execution = execution;
    this.maxRows = maxRows;
    this.onEnd = onEnd;
    producers.execute(this::produce);
  }

  /** The query's Spark stages running now. */
  List<StageProgress> progress() {
    return execution.progress();
  }

  /** The next rows from {@code offset}: at most {@code frameSize}, waiting at most {@code pollMillis} for any. */
  Meta.Frame next(long offset, int frameSize, long pollMillis) {
    List<Object> rows = new ArrayList<>();
    boolean done;
    synchronized (lock) {
      if (offset != delivered) {
        throw new FaiscaException(ErrorCode.INVALID_ARGUMENT,
            "Rows can only be fetched in order: next row is " + delivered + ", asked for " + offset);
      }
      long deadline = deadline(pollMillis);
      wanted = Math.max(1, frameSize);
      lock.notifyAll();
      while (buffer.size() < frameSize && !finished && failure == null && !closed) {
        long wait = deadline - System.currentTimeMillis();
        if (wait <= 0) {
          break;
        }
        waitOn(Math.max(1, Math.min(wait, 1000)));
      }
      // A stopped query reports why it was stopped, not the cancellation its producer then saw.
      if (closed && !finished) {
        throw stopReason;
      }
      if (failure != null && buffer.isEmpty()) {
        throw failure;
      }
      while (rows.size() < frameSize && !buffer.isEmpty()) {
        rows.add(buffer.poll());
      }
      delivered += rows.size();
      done = finished && buffer.isEmpty() && failure == null;
    }
    return new Meta.Frame(offset, done, rows);
  }

  /** Whether the producer is inside Spark now: a job of this query may be running. */
  boolean inSpark() {
    synchronized (lock) {
      return inSpark;
    }
  }

  boolean finished() {
    synchronized (lock) {
      return finished || closed;
    }
  }

  /** Stops the query: Spark jobs running for it are cancelled, and the producer ends. */
  @Override public void close() {
    fail(new FaiscaException(ErrorCode.QUERY_CANCELLED, "The query was cancelled"));
  }

  /** Stops the query, as {@link #close} does; a fetch still waiting, or coming later, reports {@code reason}. */
  void fail(FaiscaException reason) {
    synchronized (lock) {
      if (closed || finished) {
        return;
      }
      closed = true;
      stopReason = reason;
      buffer.clear();
      lock.notifyAll();
      // Wakes the producer wherever it waits inside Spark (for a job, or adaptive execution for its next
      // stage), so the query ends now instead of submitting more work, as Spark's own JDBC server does.
      if (producer != null) {
        producer.interrupt();
      }
    }
    execution.close();
    end();
  }

  /** Stops the query with {@code reason} once it has run for {@code limit}, unless it ends first. */
  void stopAfter(Duration limit, ScheduledExecutorService timer, FaiscaException reason) {
    synchronized (lock) {
      if (!ended) {
        timeLimit = timer.schedule(() -> fail(reason), limit.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void end() {
    synchronized (lock) {
      if (ended) {
        return;
      }
      ended = true;
      if (timeLimit != null) {
        timeLimit.cancel(false);
      }
    }
    onEnd.run();
  }

  private void produce() {
    synchronized (lock) {
      producer = Thread.currentThread();
    }
    try {
      while (true) {
        int asked;
        synchronized (lock) {
          while (!closed && buffer.size() >= wanted) {
            lock.wait();
          }
          if (closed) {
            return;
          }
          inSpark = true;
          asked = (int) Math.min(Math.min(wanted - buffer.size(), MAX_BATCH),
              maxRows > 0 ? maxRows - produced : Long.MAX_VALUE);
        }
        List<Row> rows = asked > 0 ? execution.next(asked) : List.of();
        List<Object> frameRows = new ArrayList<>(rows.size());
        for (Row row : rows) {
          frameRows.add(RowConverter.toFrameRow(row));
        }
        synchronized (lock) {
          inSpark = false;
          produced += frameRows.size();
          buffer.addAll(frameRows);
          finished = rows.size() < asked || asked == 0;
          lock.notifyAll();
          if (finished) {
            return;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failWith(new FaiscaException(ErrorCode.QUERY_CANCELLED, "The query was interrupted", e));
    } catch (Throwable e) {
      // Whatever ends the producer (Spark's undeclared SparkException, an OutOfMemoryError, an
      // assertion deep in Spark) ends the query: its client hears of it instead of waiting forever.
      failWith(e instanceof FaiscaException f ? f : SparkErrors.translate(e));
    } finally {
      boolean over;
      synchronized (lock) {
        over = finished || failure != null;
        producer = null;
        // An interrupt meant for this query must not reach the pooled thread's next one.
        Thread.interrupted();
      }
      if (over) {
        execution.close();
        end();
      }
    }
  }

  private void failWith(RuntimeException error) {
    synchronized (lock) {
      inSpark = false;
      failure = error;
      lock.notifyAll();
    }
  }

  private static long deadline(long pollMillis) {
    return pollMillis < 0 ? Long.MAX_VALUE : System.currentTimeMillis() + pollMillis;
  }

  private void waitOn(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaiscaException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for rows", e);
    }
  }
}
