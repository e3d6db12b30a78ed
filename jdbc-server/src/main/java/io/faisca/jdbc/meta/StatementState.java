package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.runtime.PreparedQuery;
import io.faisca.runtime.QueryExecution;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;

/**
 * One statement of a connection: its plan if prepared, and the query it is
 * running. Rows are handed out frame by frame; only the Spark partition being
 * read is held in memory.
 */
final class StatementState {
  static final int DEFAULT_FRAME_SIZE = 100;

  final int id;
  private PreparedQuery prepared;
  private Meta.Signature signature;
  private volatile QueryExecution execution;
  private long maxRows;
  private long delivered;

  StatementState(int id) {
    this.id = id;
  }

  synchronized void prepare(PreparedQuery query, Meta.Signature newSignature) {
    closeExecution();
    this.prepared = query;
    this.signature = newSignature;
  }

  synchronized PreparedQuery prepared() {
    return prepared;
  }

  synchronized Meta.Signature signature() {
    return signature;
  }

  /** Starts running the prepared query; a previous result of this statement is closed first. */
  synchronized void start(List<?> parameters, long maxRowCount) {
    closeExecution();
    this.maxRows = maxRowCount;
    this.delivered = 0;
    this.execution = prepared.execute(parameters);
    execution.start();
  }

  synchronized boolean hasResults() {
    return execution != null || signature != null;
  }

  /** The next rows, starting at {@code offset}; at most {@code frameSize} of them. */
  synchronized Meta.Frame fetch(long offset, int frameSize) {
    if (execution == null) {
      return new Meta.Frame(offset, true, List.of());
    }
    if (offset != delivered) {
      throw Errors.of(ErrorCode.INVALID_ARGUMENT, "Rows can only be fetched in order: next row is "
          + delivered + ", asked for " + offset);
    }
    int limit = frameSize < 0 ? DEFAULT_FRAME_SIZE : frameSize;
    if (maxRows > 0) {
      limit = (int) Math.min(limit, maxRows - delivered);
    }
    List<Object> rows = new ArrayList<>(Math.min(limit, 4096));
    try {
      while (rows.size() < limit && execution.hasNext()) {
        rows.add(RowConverter.toFrameRow(execution.next()));
      }
      delivered += rows.size();
      boolean done = maxRows > 0 && delivered >= maxRows || !execution.hasNext();
      if (done) {
        closeExecution();
      }
      return new Meta.Frame(offset, done, rows);
    } catch (RuntimeException e) {
      closeExecution();
      throw Errors.toAvatica(e);
    }
  }

  /** Cancels the running query, if any. Safe to call from another thread. */
  void cancel() {
    QueryExecution running = execution;
    if (running != null) {
      running.cancel();
    }
  }

  synchronized void close() {
    closeExecution();
    prepared = null;
  }

  private void closeExecution() {
    if (execution != null) {
      execution.close();
      execution = null;
    }
  }
}
