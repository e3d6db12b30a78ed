package io.faisca.jdbc.client;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

/** Errors as JDBC programs expect them: SQLExceptions with the server's SQLState, timeouts as SQLTimeoutException. */
final class ClientErrors {
  static final String TIMEOUT_STATE = "HYT00";

  private ClientErrors() {
  }

  static SQLException refine(SQLException e) {
    if (e instanceof SQLTimeoutException || !TIMEOUT_STATE.equals(e.getSQLState())) {
      return e;
    }
    return new SQLTimeoutException(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
  }

  /** Avatica reports errors met while fetching rows as runtime exceptions; JDBC callers expect SQLExceptions. */
  static SQLException fromFetch(RuntimeException e) {
    if (e instanceof AvaticaClientRuntimeException remote) {
      return refine(new SQLException(remote.getMessage(), remote.getSqlState(), remote.getErrorCode(), remote));
    }
    return new SQLException("Error while fetching rows: " + e.getMessage(), "XX000", e);
  }

  static SQLTimeoutException timeout(int seconds) {
    return new SQLTimeoutException("The query ran longer than its query timeout of " + seconds
        + " s and was cancelled", TIMEOUT_STATE);
  }
}
