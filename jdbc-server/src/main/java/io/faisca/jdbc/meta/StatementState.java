package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.Prepared;
import io.faisca.runtime.PreparedQuery;
import io.faisca.runtime.StageProgress;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.avatica.Meta;

/**
 * One statement of a connection: its plan if prepared, and the rows of the
 * query it is running. Closing it (or cancelling it) from any thread stops
 * the query's Spark jobs.
 */
final class StatementState {
  static final int DEFAULT_FRAME_SIZE = 100;
  /** The most rows one frame holds, whatever the client asks: a frame is built whole in the server's memory. */
  static final int MAX_FRAME_SIZE = 100_000;

  final int id;
  private Prepared prepared;
  private Meta.Signature signature;
  private long maxRows = -1;
  private volatile ResultStream stream;
  private volatile long lastUsed = System.currentTimeMillis();
  private boolean closed;

  StatementState(int id) {
    this.id = id;
  }

  /** Keeps a plan to execute; {@code maxRowCount} caps the rows each execution returns (negative: no cap). */
  synchronized void prepare(Prepared statement, Meta.Signature newSignature, long maxRowCount) {
    touch();
    closeStream();
    this.prepared = statement;
    this.signature = newSignature;
    this.maxRows = maxRowCount;
  }

  synchronized long maxRows() {
    return maxRows;
  }

  /** Rows made whole on the server, as frame rows, no more than the statement's cap (0 for none, as JDBC). */
  synchronized List<Object> capped(List<Object[]> rows) {
    touch();
    return List.copyOf(maxRows <= 0 ? rows : rows.subList(0, (int) Math.min(rows.size(), maxRows)));
  }

  synchronized Prepared prepared() {
    return prepared;
  }

  synchronized Meta.Signature signature() {
    return signature;
  }

  /**
   * Starts the prepared query and waits for its first frame; a previous result of this statement is
   * closed. A positive {@code timeout} cancels the query once it has run that long.
   */
  synchronized Meta.Frame start(List<?> parameters, int firstFrameSize, Streaming streaming, Duration timeout,
      Runnable onEnd) {
    touch();
    closeStream();
    if (closed) {
      throw new FaiscaException(ErrorCode.STATEMENT_NOT_FOUND, "Statement " + id + " is closed");
    }
    if (!(prepared instanceof PreparedQuery query)) {
      throw new FaiscaException(ErrorCode.INVALID_ARGUMENT, "Statement " + id + " has no query to run");
    }
    ResultStream started = new ResultStream(query.execute(parameters), maxRows, streaming.producers(), onEnd);
    stream = started;
    if (!timeout.isZero()) {
      started.stopAfter(timeout, streaming.timer(), new FaiscaException(ErrorCode.QUERY_TIMEOUT,
          "The query ran longer than its time limit of " + describe(timeout) + " and was cancelled"));
    }
    return fetch(0, firstFrameSize, streaming.pollMillis());
  }

  private static String describe(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  synchronized boolean hasResults() {
    return stream != null || signature != null;
  }

  /** The next rows, starting at {@code offset}: at most {@code frameSize} of them. */
  synchronized Meta.Frame fetch(long offset, int frameSize, long pollMillis) {
    touch();
    ResultStream current = stream;
    if (current == null) {
      return new Meta.Frame(offset, true, List.of());
    }
    try {
      Meta.Frame frame = current.next(offset, frameSize(frameSize), pollMillis);
      if (frame.done) {
        closeStream();
      }
      return frame;
    } catch (RuntimeException e) {
      closeStream();
      throw Errors.toAvatica(e);
    } finally {
      touch();
    }
  }

  /** The client's frame size; zero or less lets the server choose (as JDBC's fetch size 0 does). */
  private static int frameSize(int asked) {
    return asked <= 0 ? DEFAULT_FRAME_SIZE : Math.min(asked, MAX_FRAME_SIZE);
  }

  /** Whether the statement's query may be running a Spark job now. */
  boolean busyInSpark() {
    ResultStream current = stream;
    return current != null && current.inSpark();
  }

  /** The Spark stages of the statement's query running now; none when no query runs. */
  List<StageProgress> progress() {
    ResultStream current = stream;
    return current == null || current.finished() ? List.of() : current.progress();
  }

  boolean running() {
    ResultStream current = stream;
    return current != null && !current.finished();
  }

  long lastUsed() {
    return lastUsed;
  }

  /** Stops the running query, if any, from any thread; the statement stays usable. */
  void cancel() {
    fail(new FaiscaException(ErrorCode.QUERY_CANCELLED, "The query was cancelled"));
  }

  /** Stops the running query, if any, from any thread: its next fetch reports {@code reason}. */
  void fail(FaiscaException reason) {
    ResultStream current = stream;
    if (current != null) {
      current.fail(reason);
    }
  }

  /**
   * Closes the statement from any thread: its query stops at once, and an execution starting
   * meanwhile is closed too or refused.
   */
  void close() {
    cancel();
    synchronized (this) {
      closed = true;
      closeStream();
      prepared = null;
    }
  }

  private void closeStream() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  private void touch() {
    lastUsed = System.currentTimeMillis();
  }
}
