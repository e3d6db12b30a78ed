package io.faisca.error;

import static java.util.Objects.requireNonNull;

/**
 * An error with a category and a message a person can act on. The JDBC layer
 * turns it into a {@link java.sql.SQLException} carrying {@link ErrorCode#sqlState()}.
 */
public class FaiscaException extends RuntimeException {
  private final ErrorCode code;

  public FaiscaException(ErrorCode code, String message) {
    super(requireNonNull(message, "message"));
    this.code = requireNonNull(code, "code");
  }

  public FaiscaException(ErrorCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.code = requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public String sqlState() {
    return code.sqlState();
  }
}
