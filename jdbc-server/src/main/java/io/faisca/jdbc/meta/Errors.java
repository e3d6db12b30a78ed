package io.faisca.jdbc.meta;

import io.faisca.error.ErrorCode;
import io.faisca.error.FaiscaException;
import io.faisca.runtime.SparkErrors;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/** Faísca's errors in the form Avatica carries to clients: message, SQLState, severity. */
public final class Errors {
  private Errors() {
  }

  public static AvaticaRuntimeException toAvatica(Throwable error) {
    FaiscaException faisca = error instanceof FaiscaException f ? f : SparkErrors.translate(error);
    AvaticaRuntimeException avatica = new AvaticaRuntimeException(faisca.getMessage(), 0, faisca.sqlState(),
        AvaticaSeverity.ERROR);
    // Avatica sends the stack trace along with the error: the server's internals are not the client's business.
    avatica.setStackTrace(new StackTraceElement[0]);
    return avatica;
  }

  static AvaticaRuntimeException of(ErrorCode code, String message) {
    return toAvatica(new FaiscaException(code, message));
  }
}
