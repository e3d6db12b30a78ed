package io.faisca.jdbc.client;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;

/** Why a client stops a running statement; the server reports the matching error. */
public enum StopReason {
  /** {@code Statement.cancel()}, or a result set closed before its last row: SQLState 57014. */
  CANCEL,
  /** The statement's query timeout expired: SQLState HYT00, a {@code SQLTimeoutException}. */
  TIMEOUT;

  /** The error the stopped query's next fetch reports. */
  public FaiscaException error() {
    return this == TIMEOUT
        ? new FaiscaException(ErrorCode.QUERY_TIMEOUT, "The query ran longer than its query timeout and was cancelled")
        : new FaiscaException(ErrorCode.QUERY_CANCELLED, "The query was cancelled");
  }
}
